package io.cdkj.toolkit.deploy.assets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Writes a zip archive in the exact layout of the Node CDK CLI's asset zips (the {@code yazl}
 * writer it uses, with a fixed date and DOS timestamps only), so that equal input gives equal bytes
 * whichever tool zipped it:
 * <ul>
 *   <li>every entry deflated (method 8), sizes and CRC in the local header (no data descriptor),
 *       general-purpose flag 0x0800 (UTF-8 names), version needed 2.0, no extra fields;</li>
 *   <li>time 1980-01-01 00:00 as a DOS date, independent of the machine's time zone;</li>
 *   <li>central directory "made by" Unix 6.3, external attributes = the file's Unix mode
 *       ({@code st_mode}, type and permission bits) shifted into the high 16 bits, so executable
 *       bits survive extraction.</li>
 * </ul>
 * Archives that would need Zip64 (65535 entries or more, 4 GiB or more) are refused.
 *
 * <p>Not thread-safe: one archive, written in order.
 */
final class ZipWriter {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int VERSION_MADE_BY_UNIX_6_3 = (3 << 8) | 63;
    private static final int VERSION_NEEDED = 20;
    private static final int FLAG_UTF8_NAMES = 1 << 11;
    private static final int METHOD_DEFLATE = 8;
    private static final int DOS_TIME_MIDNIGHT = 0;
    private static final int DOS_DATE_1980_01_01 = (1 << 5) | 1;
    private static final long MAX_OFFSET = 0xFFFFFFFEL;
    private static final int MAX_ENTRIES = 0xFFFE;

    private record Entry(byte[] name, int mode, long crc, long compressedSize, long size, long offset) {
    }

    private final OutputStream out;
    private final RawDeflate deflate;
    private final List<Entry> entries = new ArrayList<>();
    private long written;

    ZipWriter(OutputStream out, RawDeflate deflate) {
        this.out = Objects.requireNonNull(out, "out");
        this.deflate = Objects.requireNonNull(deflate, "deflate");
    }

    /** Adds a file entry {@code name} with Unix mode {@code mode} (e.g. {@code 0100755}) and content {@code data}. */
    void add(String name, int mode, byte[] data) throws IOException {
        if ((mode & 0xFFFF) != mode) {
            throw new IllegalArgumentException("mode " + Integer.toOctalString(mode) + " does not fit 16 bits");
        }
        if (entries.size() >= MAX_ENTRIES) {
            throw new IOException("more than " + MAX_ENTRIES + " files: Zip64 archives are not supported");
        }
        byte[] utf8Name = name.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(data);
        byte[] compressed = deflate.deflate(data);
        Entry entry = new Entry(utf8Name, mode, crc.getValue(), compressed.length, data.length, written);
        checkSize(entry.offset() + 30 + utf8Name.length + compressed.length);
        ByteArrayOutputStream header = new ByteArrayOutputStream(30 + utf8Name.length);
        int32(header, LOCAL_HEADER);
        int16(header, VERSION_NEEDED);
        int16(header, FLAG_UTF8_NAMES);
        int16(header, METHOD_DEFLATE);
        int16(header, DOS_TIME_MIDNIGHT);
        int16(header, DOS_DATE_1980_01_01);
        int32(header, entry.crc());
        int32(header, entry.compressedSize());
        int32(header, entry.size());
        int16(header, utf8Name.length);
        int16(header, 0);
        header.write(utf8Name);
        write(header.toByteArray());
        write(compressed);
        entries.add(entry);
    }

    /** Writes the central directory; the stream stays open. */
    void finish() throws IOException {
        long start = written;
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (Entry entry : entries) {
            int32(directory, CENTRAL_HEADER);
            int16(directory, VERSION_MADE_BY_UNIX_6_3);
            int16(directory, VERSION_NEEDED);
            int16(directory, FLAG_UTF8_NAMES);
            int16(directory, METHOD_DEFLATE);
            int16(directory, DOS_TIME_MIDNIGHT);
            int16(directory, DOS_DATE_1980_01_01);
            int32(directory, entry.crc());
            int32(directory, entry.compressedSize());
            int32(directory, entry.size());
            int16(directory, entry.name().length);
            int16(directory, 0); // extra field length
            int16(directory, 0); // comment length
            int16(directory, 0); // disk number
            int16(directory, 0); // internal attributes
            int32(directory, ((long) entry.mode()) << 16);
            int32(directory, entry.offset());
            directory.write(entry.name());
        }
        checkSize(start + directory.size());
        write(directory.toByteArray());
        ByteArrayOutputStream end = new ByteArrayOutputStream(22);
        int32(end, END_OF_CENTRAL_DIRECTORY);
        int16(end, 0);
        int16(end, 0);
        int16(end, entries.size());
        int16(end, entries.size());
        int32(end, directory.size());
        int32(end, start);
        int16(end, 0);
        write(end.toByteArray());
        out.flush();
    }

    private static void checkSize(long size) throws IOException {
        if (size > MAX_OFFSET) {
            throw new IOException("the archive would exceed 4 GiB: Zip64 archives are not supported");
        }
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        written += bytes.length;
    }

    private static void int16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
    }

    private static void int32(ByteArrayOutputStream out, long value) {
        int16(out, (int) (value & 0xFFFF));
        int16(out, (int) ((value >>> 16) & 0xFFFF));
    }
}
