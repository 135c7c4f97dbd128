package io.cdkj.toolkit.bootstrap;

import io.cdkj.toolkit.ProgressLog;
import java.io.Writer;

/**
 * The progress of one environment's bootstrap stack deployment, as whole lines labelled with the
 * environment: the deploy engine labels lines with the stack name, which is the same
 * ({@code CDKToolkit}) in every environment, so {@code CDKToolkit | text} becomes {@code aws://A/R | text}.
 *
 * <p>Not thread-safe: one environment's deployment writes from one thread. Lines go to the shared
 * {@link ProgressLog}, which keeps parallel environments' lines whole.
 */
final class EnvironmentLines extends Writer {

    private final ProgressLog log;
    private final String label;
    private final String stackPrefix;
    private final StringBuilder line = new StringBuilder();

    EnvironmentLines(ProgressLog log, String label, String stackName) {
        this.log = log;
        this.label = label;
        this.stackPrefix = stackName + " | ";
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    private void emit() {
        String text = line.toString();
        line.setLength(0);
        if (text.isEmpty()) {
            return;
        }
        log.stack(label, text.startsWith(stackPrefix) ? text.substring(stackPrefix.length()) : text);
    }

    @Override
    public void flush() {
        // whole lines only: a partial line waits for its end
    }

    @Override
    public void close() {
        if (!line.isEmpty()) {
            emit();
        }
    }
}
