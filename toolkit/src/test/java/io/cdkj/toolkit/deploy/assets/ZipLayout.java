package io.cdkj.toolkit.deploy.assets;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the central directory of a zip archive field by field: what {@code java.util.zip} does not show. */
final class ZipLayout {

    /** One central directory record and the extra-field length of its local header. */
    record Entry(String name, int madeBy, int versionNeeded, int flags, int method, int dosTime, int dosDate,
            int centralExtraLength, int localExtraLength, long externalAttributes) {
        int unixMode() {
            return (int) (externalAttributes >>> 16);
        }
    }

    private ZipLayout() {
    }

    static List<Entry> read(byte[] zip) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.length - 22;
        if (buffer.getInt(end) != 0x06054b50) {
            throw new IllegalArgumentException("no end-of-central-directory record at the end (a comment?)");
        }
        int count = Short.toUnsignedInt(buffer.getShort(end + 10));
        int offset = buffer.getInt(end + 16);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (buffer.getInt(offset) != 0x02014b50) {
                throw new IllegalArgumentException("no central directory record at " + offset);
            }
            int nameLength = u16(buffer, offset + 28);
            int extraLength = u16(buffer, offset + 30);
            int commentLength = u16(buffer, offset + 32);
            long external = Integer.toUnsignedLong(buffer.getInt(offset + 38));
            int local = buffer.getInt(offset + 42);
            String name = new String(zip, offset + 46, nameLength, StandardCharsets.UTF_8);
            entries.add(new Entry(name, u16(buffer, offset + 4), u16(buffer, offset + 6), u16(buffer, offset + 8),
                    u16(buffer, offset + 10), u16(buffer, offset + 12), u16(buffer, offset + 14), extraLength,
                    u16(buffer, local + 28), external));
            offset += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    private static int u16(ByteBuffer buffer, int at) {
        return Short.toUnsignedInt(buffer.getShort(at));
    }
}
