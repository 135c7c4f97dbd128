package io.cdkj.toolkit.deploy.assets;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/** Raw deflate by the JDK's {@link Deflater} at level 6. Stateless and thread-safe. */
final class JdkDeflate implements RawDeflate {

    static final JdkDeflate INSTANCE = new JdkDeflate();

    private JdkDeflate() {
    }

    @Override
    public byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(6, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    @Override
    public String name() {
        return "jdk";
    }
}
