package io.cdkj.maven;

import java.io.Writer;
import java.util.function.Consumer;

/**
 * A {@link Writer} that hands every complete line to a Maven log method (the toolkit's progress,
 * annotations and results become {@code [INFO]} lines); {@link #flush()} passes on a partial line too.
 *
 * <p>Thread-safe: parallel deployments print through one writer.
 */
final class MavenLogWriter extends Writer {

    private final Consumer<String> log;
    private final StringBuilder line = new StringBuilder();

    MavenLogWriter(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    @Override
    public synchronized void flush() {
        if (line.length() > 0) {
            emit();
        }
    }

    @Override
    public void close() {
        flush();
    }

    private void emit() {
        log.accept(line.toString());
        line.setLength(0);
    }
}
