package io.elbreconcile.emulator;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One emulator per state file on this machine. Each emulator keeps its world in memory and
 * writes it back, so two of them on one file (an {@code emulator serve} and a plan or apply with
 * {@code --emulator=} the same file) would overwrite each other's changes without a word.
 *
 * <p>The lock is an OS file lock, released by the OS if the process dies. Its file lives in the
 * temporary directory, named after the state file's absolute path, so a read-only run leaves
 * nothing next to the state file. Where no lock file can be made, the emulator runs unlocked.
 */
final class StateFileLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StateFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StateFileLock acquire(Path stateFile) {
        Path absolute = stateFile.toAbsolutePath().normalize();
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "elb-reconcile-emulator-" + digest(absolute) + ".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return new StateFileLock(null, null);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;   // held by another emulator in this very JVM
        } catch (IOException e) {
            closeQuietly(channel);
            return new StateFileLock(null, null);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new EmulatorStateException(absolute + " is in use by another emulator on this machine (an 'emulator serve'"
                    + " or a plan, apply or drift with --emulator); stop it, or point at it with --endpoint-url instead", null);
        }
        return new StateFileLock(channel, lock);
    }

    @Override
    public void close() {
        if (lock != null) {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it too
            }
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    private static String digest(Path path) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(path.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
