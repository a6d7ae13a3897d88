package io.elbreconcile.spec;

import io.elbreconcile.diag.Diagnostic;
import io.elbreconcile.diag.SourceLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the input files: one file, or every {@code *.yaml}/{@code *.yml} under a directory, sorted. */
final class InputFiles {

    private InputFiles() {
    }

    /** The files found, or the problem with the path itself. */
    record Found(List<Path> files, Diagnostic problem) {
    }

    static Found under(Path path) {
        String shown = path.toString();
        if (!Files.exists(path)) {
            return new Found(List.of(), Diagnostic.at(SourceLocation.startOf(shown), "no such file or directory"));
        }
        if (!Files.isDirectory(path)) {
            return new Found(List.of(path), null);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(p))
                    .filter(InputFiles::isYaml)
                    .filter(p -> !isHidden(path.relativize(p)))
                    .sorted()
                    .forEach(files::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            return new Found(List.of(), Diagnostic.at(SourceLocation.startOf(shown), "cannot read directory: " + e.getMessage()));
        }
        if (files.isEmpty()) {
            return new Found(List.of(), Diagnostic.at(SourceLocation.startOf(shown),
                    "no *.yaml or *.yml files in this directory"));
        }
        return new Found(List.copyOf(files), null);
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** Editors and Git keep dot-directories next to the files; they are never input. */
    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
