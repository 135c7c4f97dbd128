package io.cdkj.localaws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Writes the token files {@code aws sso login} leaves in {@code ~/.aws/sso/cache}, as the AWS CLI
 * names them: the lower-case hex SHA-1 of the {@code sso_session} name (or, for a legacy profile
 * without a session, of its {@code sso_start_url}) plus {@code .json}. Tests write them under a
 * temporary home; the tokens are fake. Stateless.
 */
public final class SsoTokenCache {

  private SsoTokenCache() {
  }

  /** The token file of a session (or of a legacy start URL) under {@code home}. */
  public static Path file(Path home, String sessionNameOrStartUrl) {
    return home.resolve(".aws").resolve("sso").resolve("cache").resolve(sha1(sessionNameOrStartUrl) + ".json");
  }

  /**
   * Writes a token for {@code sessionNameOrStartUrl} that expires at {@code expiresAt} and returns its file.
   *
   * @param startUrl the portal's start URL and {@code region} its region, as the CLI records them
   */
  public static Path write(Path home, String sessionNameOrStartUrl, String accessToken, Instant expiresAt,
      String startUrl, String region) throws IOException {
    Path file = file(home, sessionNameOrStartUrl);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"startUrl\": \"" + startUrl + "\", \"region\": \"" + region + "\", "
        + "\"accessToken\": \"" + accessToken + "\", "
        + "\"expiresAt\": \"" + expiresAt.truncatedTo(ChronoUnit.SECONDS) + "\"}\n", StandardCharsets.UTF_8);
    return file;
  }

  private static String sha1(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-1", e);
    }
  }
}
