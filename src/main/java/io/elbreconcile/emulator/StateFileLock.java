package io.elbreconcile.emulator;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    /**
     * State files locked by this JVM. OS file locks belong to the process, and closing any channel
     * on the file drops them, so a second emulator in the same JVM is refused here, before it
     * opens the lock file at all.
     */
    private static final Set<String> HELD_HERE = ConcurrentHashMap.newKeySet();
    /** As the OS's own limit on links followed in one lookup (Linux: 40). */
    private static final int MAX_LINK_HOPS = 40;

    private final String key;
    private final FileChannel channel;
    private final FileLock lock;

    private StateFileLock(String key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    static StateFileLock acquire(Path stateFile) {
        Path absolute = realPathOf(stateFile);
        String key = digest(absolute);
        if (!HELD_HERE.add(key)) {
            throw inUse(absolute);
        }
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "elb-reconcile-emulator-" + key + ".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return new StateFileLock(key, null, null);   // unlocked across processes, still within this one
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel);
            return new StateFileLock(key, null, null);
        }
        if (lock == null) {
            closeQuietly(channel);
            HELD_HERE.remove(key);
            throw inUse(absolute);
        }
        return new StateFileLock(key, channel, lock);
    }

    /**
     * The file the OS would open for {@code stateFile}: symbolic links resolved, also in a path
     * that does not exist yet (the longest existing ancestor is resolved, the rest appended). A
     * lock keyed on the spelling instead let {@code real/s.json} and {@code alias/s.json} (alias
     * a link to real) run two emulators on one file, each overwriting the other's changes.
     */
    static Path realPathOf(Path stateFile) {
        Path path = stateFile.toAbsolutePath().normalize();
        for (int hops = 0; hops < MAX_LINK_HOPS; hops++) {
            if (Files.isSymbolicLink(path)) {
                // A dangling link to a file yet to be written: the file meant is the link's target.
                try {
                    path = path.resolveSibling(Files.readSymbolicLink(path)).toAbsolutePath().normalize();
                    continue;
                } catch (IOException | UnsupportedOperationException e) {
                    break;
                }
            }
            break;
        }
        Path existing = path;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            Path real = existing.toRealPath();
            return rest == null ? real : real.resolve(rest);
        } catch (IOException e) {
            return path;
        }
    }

    private static EmulatorStateException inUse(Path stateFile) {
        return new EmulatorStateException(stateFile + " is in use by another emulator on this machine (an 'emulator serve'"
                + " or a plan, apply or drift with --emulator); stop it, or point at it with --endpoint-url instead", null);
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
        HELD_HERE.remove(key);
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
