package io.cdkj.toolkit.synth;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One run per cloud assembly directory at a time: a run that synthesizes into {@code cdk.out} holds it
 * exclusively, runs that only read an existing assembly share it, for as long as they use the assembly
 * (until the end of the command). Without it two runs in one directory overwrite each other's manifest
 * and templates, and one of them acts on the other's stacks.
 *
 * <p>The lock is an operating-system file lock on {@value #FILE_NAME} in the directory, so it is released
 * when its process ends, however it ends (no stale lock files), plus a registry of the locks this
 * process holds, because the operating system does not arbitrate between the threads of one process.
 *
 * <p>Thread-safe.
 */
final class OutputDirectoryLock implements AutoCloseable {

    /** The lock file, inside the assembly directory. */
    static final String FILE_NAME = ".cdkj.lock";

    /** Directory → what this process holds there. Guarded by the class. */
    private static final Map<Path, Held> HELD = new HashMap<>();

    /** One file lock of this process, shared by its readers. */
    private static final class Held {
        final FileChannel channel;
        final FileLock lock;
        final boolean exclusive;
        int holders;

        Held(FileChannel channel, FileLock lock, boolean exclusive) {
            this.channel = channel;
            this.lock = lock;
            this.exclusive = exclusive;
        }
    }

    private final Path directory;
    private boolean closed;

    private OutputDirectoryLock(Path directory) {
        this.directory = directory;
    }

    /**
     * Takes {@code directory} for a run that writes an assembly there (creating the directory).
     *
     * @throws ToolkitException {@link ErrorCode#USAGE} when another run (of this or another process) uses it
     */
    static OutputDirectoryLock forWriting(Path directory) {
        return acquire(directory, true);
    }

    /**
     * Shares {@code directory} with other readers, for a run that reads the assembly there. A directory
     * the run cannot write to is read without a lock: no run can synthesize into it either.
     *
     * @throws ToolkitException {@link ErrorCode#USAGE} when a run synthesizes into it
     */
    static OutputDirectoryLock forReading(Path directory) {
        return acquire(directory, false);
    }

    private static synchronized OutputDirectoryLock acquire(Path directory, boolean exclusive) {
        Path key = directory.toAbsolutePath().normalize();
        Held held = HELD.get(key);
        if (held != null) {
            if (exclusive || held.exclusive) {
                throw busy(key, "another cdkj run in this process");
            }
            held.holders++;
            return new OutputDirectoryLock(key);
        }
        Held taken = exclusive ? lockFile(key, true) : lockFileIfWritable(key);
        if (taken != null) {
            taken.holders = 1;
            HELD.put(key, taken);
        }
        return new OutputDirectoryLock(key);
    }

    private static Held lockFileIfWritable(Path directory) {
        if (Files.isDirectory(directory) && !Files.isWritable(directory)) {
            return null;
        }
        return lockFile(directory, false);
    }

    private static Held lockFile(Path directory, boolean exclusive) {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE));
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, !exclusive);
            if (lock == null) {
                String holder = holderOf(channel);
                channel.close();
                throw busy(directory, "another cdkj run" + holder);
            }
            if (exclusive) {
                // Only for the message another run prints; the lock itself is what counts.
                channel.truncate(0).write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                        .getBytes(StandardCharsets.US_ASCII)), 0);
            }
            return new Held(channel, lock, exclusive);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ToolkitException(ErrorCode.USAGE, "Cannot lock the output directory " + directory + " ("
                    + file + ": " + e.getMessage() + "). Check that it is writable, or choose another with --output.",
                    e);
        }
    }

    /** {@code " (PID n)"} when the file names the process that synthesizes there. */
    private static String holderOf(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(20);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        return text.matches("\\d{1,19}") ? " (PID " + text + ")" : "";
    }

    private static ToolkitException busy(Path directory, String holder) {
        return new ToolkitException(ErrorCode.USAGE, "The output directory " + directory + " is in use by " + holder
                + ". Run cdkj commands on one project in sequence, or give each run its own --output directory.");
    }

    /** Releases this hold; the file lock goes with the process's last holder. */
    @Override
    public void close() {
        synchronized (OutputDirectoryLock.class) {
            if (closed) {
                return;
            }
            closed = true;
            Held held = HELD.get(directory);
            if (held == null || --held.holders > 0) {
                return;
            }
            HELD.remove(directory);
            try {
                if (held.exclusive) {
                    held.channel.truncate(0);
                }
                held.lock.release();
            } catch (IOException e) {
                // closing the channel releases it too
            }
            closeQuietly(held.channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
