package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard error as the process writes it, with every secret the host knows masked ({@link Secrets}):
 * bytes are collected up to each line break and the line is redacted before it goes out, so a secret
 * in a log line, a stack trace or a plugin's output never reaches the terminal or a CI log. A partial
 * line is redacted and written when the stream is flushed.
 *
 * <p>Thread-safe (its methods are synchronized).
 */
final class RedactingStream extends OutputStream {

    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    RedactingStream(OutputStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        target.close();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        target.write(Secrets.redact(text).getBytes(StandardCharsets.UTF_8));
    }
}
