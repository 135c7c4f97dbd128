package io.cdkj.toolkit.credentials;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes providers that may or may not be {@link AutoCloseable}, never failing the caller. Stateless. */
final class Closeables {

    private static final Logger LOG = LoggerFactory.getLogger(Closeables.class);

    private Closeables() {
    }

    /** Closes {@code resource} if it is closeable; a failure is logged (type and message only) and swallowed. */
    static void closeQuietly(Object resource) {
        if (resource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("Closing {} failed: {}", resource.getClass().getName(), e.toString());
            }
        }
    }
}
