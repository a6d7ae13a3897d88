package io.elbreconcile.spec;

import io.elbreconcile.diag.Diagnostic;
import io.elbreconcile.diag.SourceLocation;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Finds the input files: one file, or every {@code *.yaml}/{@code *.yml} under a directory, sorted.
 *
 * <p>Inputs are read or refused, never skipped (PRODUCT.md section 11): a file that is left out
 * silently is a load balancer that {@code apply --allow-delete} deletes. So every YAML name under
 * the directory must lead, after following symbolic links, to a readable regular file; a dangling
 * link, an unreadable file, a FIFO, socket or device, and a directory link that loops back are each
 * a problem naming the path. Types are checked from the file's attributes before it is opened: an
 * open FIFO would wait for a writer forever.
 *
 * <p>Names starting with a dot (files and directories, e.g. {@code .git}) are not input, whatever
 * they are or point to; the name under PATH decides, so a visible name linking to a hidden file is
 * read like any other.
 */
final class InputFiles {

    private InputFiles() {
    }

    /** The files to read, and the paths refused, each with why. */
    record Found(List<Path> files, List<Diagnostic> problems) {
        Found {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    static Found under(Path path) {
        return under(path, false);
    }

    /** @param emptyAllowed a directory with no YAML file is an empty desired state (a stack whose every load balancer goes) */
    static Found under(Path path, boolean emptyAllowed) {
        String shown = path.toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return refused(path, unfollowable(path, e));
        }
        if (!attributes.isDirectory()) {
            return problemOf(path, attributes).map(problem -> refused(path, problem))
                    .orElseGet(() -> new Found(List.of(path), List.of()));
        }
        Collector collector = new Collector(path);
        try {
            Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, collector);
        } catch (IOException e) {
            return refused(path, "cannot read directory: " + reason(e));
        }
        if (collector.files.isEmpty() && collector.problems.isEmpty() && !emptyAllowed) {
            return new Found(List.of(), List.of(Diagnostic.at(SourceLocation.wholeFile(shown),
                    "no *.yaml or *.yml files in this directory",
                    "plan, apply and drift with --stack NAME take an empty directory to mean: every load balancer of the stack goes")));
        }
        collector.files.sort(null);
        return new Found(collector.files, collector.problems);
    }

    /**
     * Why the file cannot be read as input right now, or empty when it can. Checked once more just
     * before reading, so a file replaced by a FIFO after the walk is still not opened.
     */
    static Optional<String> problemOf(Path file) {
        try {
            return problemOf(file, Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            return Optional.of(unfollowable(file, e));
        }
    }

    private static Optional<String> problemOf(Path file, BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            // Attributes of the link itself: its target could not be read.
            return Optional.of(unfollowable(file, null));
        }
        if (attributes.isDirectory()) {
            return Optional.of("is a directory");
        }
        if (!attributes.isRegularFile()) {
            return Optional.of("not a regular file (" + kindOf(file) + "); only regular files are read");
        }
        if (!Files.isReadable(file)) {
            return Optional.of("cannot read file: permission denied");
        }
        return Optional.empty();
    }

    /** Why following {@code path} failed; {@code failure} may be null when only the outcome is known. */
    private static String unfollowable(Path path, IOException failure) {
        boolean link = Files.isSymbolicLink(path);
        try {
            path.toRealPath();
        } catch (NoSuchFileException missing) {
            if (link) {
                return "dangling symbolic link (" + target(path) + " does not exist)";
            }
            return "no such file or directory";
        } catch (FileSystemException e) {
            if (isLoop(e)) {
                return "symbolic link loop (" + path + " leads back to itself)";
            }
            return "cannot read: " + reason(e);
        } catch (IOException e) {
            return "cannot read: " + reason(e);
        }
        return failure == null ? "cannot read: its target is not accessible" : "cannot read: " + reason(failure);
    }

    private static boolean isLoop(FileSystemException e) {
        return e instanceof FileSystemLoopException
                || (e.getReason() != null && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("levels of symbolic links"));
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "its target";
        }
    }

    /** FIFO, socket or device: the POSIX file type where the platform tells it. */
    private static String kindOf(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer bits) {
                return switch (bits & 0xF000) {
                    case 0x1000 -> "a FIFO";
                    case 0xC000 -> "a socket";
                    case 0x2000 -> "a character device";
                    case 0x6000 -> "a block device";
                    default -> "a special file";
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view here: the generic wording below is still true
        }
        return "a special file";
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Found refused(Path path, String problem) {
        return new Found(List.of(), List.of(Diagnostic.at(SourceLocation.wholeFile(path.toString()), problem)));
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** Editors and Git keep dot-files and dot-directories next to the files; they are never input. */
    private static boolean isHidden(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** Walks the tree following links; the walker itself detects directory cycles by file key. */
    private static final class Collector extends SimpleFileVisitor<Path> {
        private final Path root;
        final List<Path> files = new ArrayList<>();
        final List<Diagnostic> problems = new ArrayList<>();

        Collector(Path root) {
            this.root = root;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
            return !directory.equals(root) && isHidden(directory) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (isHidden(file) || !isYaml(file) && !attributes.isSymbolicLink()) {
                return FileVisitResult.CONTINUE;
            }
            if (!isYaml(file)) {
                // A link that cannot be followed might have been a directory of inputs: refuse a
                // loop or dangling link whatever its name, rather than guess what it held.
                problems.add(Diagnostic.at(SourceLocation.wholeFile(file.toString()), unfollowable(file, null)));
                return FileVisitResult.CONTINUE;
            }
            Optional<String> problem = problemOf(file, attributes);
            if (problem.isPresent()) {
                problems.add(Diagnostic.at(SourceLocation.wholeFile(file.toString()), problem.get()));
            } else {
                files.add(file);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException failure) {
            if (isHidden(file)) {
                return FileVisitResult.CONTINUE;
            }
            String problem = failure instanceof FileSystemLoopException
                    ? "symbolic link loop (" + file + " leads back to " + ancestorOf(file) + ")"
                    : "cannot read: " + reason(failure);
            problems.add(Diagnostic.at(SourceLocation.wholeFile(file.toString()), problem));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path directory, IOException failure) {
            if (failure != null) {
                problems.add(Diagnostic.at(SourceLocation.wholeFile(directory.toString()), "cannot read directory: " + reason(failure)));
            }
            return FileVisitResult.CONTINUE;
        }

        /** The directory on the walked path that the looping link resolves to. */
        private String ancestorOf(Path link) {
            try {
                Path real = link.toRealPath();
                for (Path at = link.getParent(); at != null; at = at.getParent()) {
                    if (at.toRealPath().equals(real)) {
                        return at.toString();
                    }
                    if (at.equals(root)) {
                        break;
                    }
                }
                return real.toString();
            } catch (IOException e) {
                return "a directory above it";
            }
        }
    }
}
