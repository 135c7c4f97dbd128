package io.cdkj.toolkit.deploy.assets;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Raw deflate by Node.js's zlib, in one {@code node} child process per archive. The Node CDK CLI
 * deflates asset zips with Node's bundled zlib, a fork whose matches differ from the JDK's zlib
 * already for a few hundred bytes of input; asking the same {@code node} the Node CLI would run on
 * the same machine gives the same bytes. (Other Node versions or CPUs may give other bytes — for
 * either tool.)
 *
 * <p>Protocol on the child's stdin/stdout: a 4-byte big-endian length and the data, answered the
 * same way with the deflated data. Not thread-safe: one request at a time. {@link #close()} ends
 * the child.
 */
final class NodeDeflate implements RawDeflate, AutoCloseable {

    // Reads length-prefixed requests, answers each with deflateRawSync at the Node CLI's level (6).
    private static final String SCRIPT = String.join("\n",
            "const zlib = require('zlib');",
            "let chunks = [], have = 0, need = -1;",
            "function take(n) { const all = Buffer.concat(chunks); chunks = [all.subarray(n)]; have -= n;"
                    + " return all.subarray(0, n); }",
            "function serve() { for (;;) {",
            "  if (need < 0) { if (have < 4) return; need = take(4).readUInt32BE(0); }",
            "  if (have < need) return;",
            "  const out = zlib.deflateRawSync(take(need), { level: 6 }); need = -1;",
            "  const head = Buffer.alloc(4); head.writeUInt32BE(out.length, 0);",
            "  process.stdout.write(Buffer.concat([head, out]));",
            "} }",
            "process.stdin.on('data', (c) => { chunks.push(c); have += c.length; serve(); });");

    private final Process process;
    private final DataOutputStream requests;
    private final DataInputStream answers;

    private NodeDeflate(Process process) {
        this.process = process;
        this.requests = new DataOutputStream(process.getOutputStream());
        this.answers = new DataInputStream(process.getInputStream());
    }

    /** {@code node} on {@code path} (a PATH value), if there is one. */
    static Optional<Path> find(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "node");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts {@code node}; fails when it cannot be run. */
    static NodeDeflate start(Path node) throws IOException {
        Process process = new ProcessBuilder(List.of(node.toString(), "-e", SCRIPT))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new NodeDeflate(process);
    }

    @Override
    public byte[] deflate(byte[] data) throws IOException {
        requests.writeInt(data.length);
        requests.write(data);
        requests.flush();
        int length = answers.readInt();
        if (length < 0) {
            throw new IOException("node answered a negative length");
        }
        byte[] deflated = answers.readNBytes(length);
        if (deflated.length != length) {
            throw new IOException("node stopped in the middle of an answer");
        }
        return deflated;
    }

    @Override
    public String name() {
        return "node";
    }

    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException ignored) {
            // the child is gone already
        }
        process.destroy();
    }
}
