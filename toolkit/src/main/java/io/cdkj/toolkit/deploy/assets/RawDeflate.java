package io.cdkj.toolkit.deploy.assets;

import java.io.IOException;

/**
 * Raw deflate (RFC 1951, no zlib header) at level 6, the compression of every entry of an asset zip.
 * The two implementations give valid but different bytes: {@link JdkDeflate} and {@link NodeDeflate}
 * (the zlib the Node CDK CLI uses, a fork that chooses other matches).
 *
 * <p>Implementations say whether they are thread-safe.
 */
interface RawDeflate {

    /** The compressed form of {@code data}. */
    byte[] deflate(byte[] data) throws IOException;

    /** {@code "node"} or {@code "jdk"}, for messages. */
    String name();
}
