package io.cdkj.toolkit.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;

/**
 * Which account an access key belongs to, remembered across processes as the Node CDK CLI does, so
 * that {@code CDK_DEFAULT_ACCOUNT} costs no STS call once known. An access key id belongs to one
 * account for its whole life, so an entry never goes stale: a long-term key is learned once, a
 * temporary one (a new id per session) once per session. The file,
 * {@code ~/.cdkj/cache/default-accounts.json}, holds no secret and not even the key ids: each entry is
 * the SHA-256 of an access key id and its account. At most {@value #MAX_ENTRIES} entries are kept (the
 * oldest go first); an unreadable file is treated as empty and rewritten.
 *
 * <p>Thread-safe: methods are synchronized; concurrent processes may lose each other's newest entry,
 * which only costs one more STS call.
 */
final class AccountCache {

    static final int MAX_ENTRIES = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    AccountCache(Path file) {
        this.file = file;
    }

    /** The cache in {@code home}. */
    static AccountCache in(Path home) {
        return new AccountCache(home.resolve(".cdkj").resolve("cache").resolve("default-accounts.json"));
    }

    synchronized Optional<String> account(String accessKeyId) {
        return Optional.ofNullable(load().path(key(accessKeyId)).textValue());
    }

    synchronized void remember(String accessKeyId, String account) {
        ObjectNode entries = load();
        entries.remove(key(accessKeyId));
        entries.put(key(accessKeyId), account);
        Iterator<String> oldest = entries.fieldNames();
        while (entries.size() > MAX_ENTRIES && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".default-accounts.", ".tmp"); // owner-only
            Files.writeString(temp, JSON.writeValueAsString(entries), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a cache that cannot be written costs one STS call next time, nothing more
        }
    }

    private ObjectNode load() {
        try {
            JsonNode node = Files.exists(file) ? JSON.readTree(file.toFile()) : null;
            return node instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** The entry's key: no access key id is written to disk. */
    static String key(String accessKeyId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(accessKeyId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
