package io.elbreconcile.spec;

import io.elbreconcile.diag.SourceLocation;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a Target document in a directory above the input, up to the repository's root (the
 * directory holding {@code .git}) or the file system's. Its documents belong to that target, so
 * running them against the command line's target would reconcile them in the wrong account or
 * region: commands refuse such an input (fail closed, PRODUCT.md section 16).
 *
 * <p>A line check ({@code kind: Target} at the start of a line), not a YAML parse: the files above
 * are not part of the input, and a broken one must not break the run.
 */
public final class EnclosingTarget {

    private static final Pattern TARGET_KIND = Pattern.compile("(?m)^kind:[ \\t]*(['\"]?)Target\\1[ \\t]*(?:#.*)?\\r?$");
    private static final long MAX_BYTES = 1 << 20;
    private static final int MAX_FILES_PER_DIRECTORY = 500;

    private EnclosingTarget() {
    }

    /** Where the nearest Target document above {@code input} starts, if there is one. */
    public static Optional<SourceLocation> above(Path input) {
        Path start = input.toAbsolutePath().normalize();
        Path directory = start.getParent();
        while (directory != null) {
            Optional<SourceLocation> found = in(directory, start);
            if (found.isPresent()) {
                return found;
            }
            if (Files.isDirectory(directory.resolve(".git"), LinkOption.NOFOLLOW_LINKS)
                    || Files.isRegularFile(directory.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            directory = directory.getParent();
        }
        return Optional.empty();
    }

    private static Optional<SourceLocation> in(Path directory, Path input) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.{yaml,yml}")) {
            for (Path entry : entries) {
                if (files.size() >= MAX_FILES_PER_DIRECTORY) {
                    break;
                }
                if (!entry.equals(input) && !entry.getFileName().toString().startsWith(".")
                        && Files.isRegularFile(entry) && Files.size(entry) <= MAX_BYTES) {
                    files.add(entry);
                }
            }
        } catch (IOException | SecurityException unreadable) {
            return Optional.empty();
        }
        files.sort(null);
        for (Path file : files) {
            try {
                String text = Files.readString(file);
                Matcher matcher = TARGET_KIND.matcher(text);
                if (matcher.find()) {
                    int line = 1 + (int) text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
                    return Optional.of(new SourceLocation(relativeOrAbsolute(file), line, 1));
                }
            } catch (IOException | RuntimeException unreadable) {
                // not our input: an unreadable or undecodable file above it is skipped
            }
        }
        return Optional.empty();
    }

    private static String relativeOrAbsolute(Path file) {
        Path here = Path.of("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
    }
}
