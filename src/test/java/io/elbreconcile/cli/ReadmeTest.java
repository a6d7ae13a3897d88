package io.elbreconcile.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The README a new user follows: its links within the page lead somewhere, its command table names only real options. */
class ReadmeTest {

    private static final Path README = Path.of("README.md");

    @Test
    void everyLinkWithinThePageNamesAHeading() throws IOException {
        String text = Files.readString(README);
        Set<String> anchors = text.lines().filter(line -> line.startsWith("#"))
                .map(line -> slug(line.replaceFirst("^#+\\s*", ""))).collect(Collectors.toSet());
        List<String> broken = new ArrayList<>();
        Matcher link = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(text);
        while (link.find()) {
            if (!anchors.contains(link.group(1))) {
                broken.add(link.group(1));
            }
        }
        assertEquals(List.of(), broken, "links to no heading; headings: " + anchors);
    }

    @Test
    void everyOptionOfTheCommandTableIsInThatCommandsHelp() throws IOException {
        List<String> rows = Files.readString(README).lines().filter(line -> line.startsWith("| `")).toList();
        assertFalse(rows.stream().noneMatch(row -> row.startsWith("| `emulator serve")), "the command table was not found");
        List<String> missing = new ArrayList<>();
        for (String row : rows) {
            String usage = row.substring(3, row.indexOf('`', 3));
            String command = usage.startsWith("emulator serve") ? "emulator serve" : usage.split(" ")[0];
            String help = help(command);
            Matcher option = Pattern.compile("--[a-z][a-z-]*").matcher(usage);
            while (option.find()) {
                if (!help.contains(option.group())) {
                    missing.add(command + " " + option.group());
                }
            }
        }
        assertEquals(List.of(), missing, "options the README documents that the command does not have");
    }

    @Test
    void theLayoutNamesEveryExampleAndEverySchema() throws IOException {
        String layout = Files.readString(README).lines().filter(line -> line.startsWith("examples/ ") || line.startsWith("schemas/ "))
                .collect(Collectors.joining("\n"));
        List<String> unnamed = new ArrayList<>();
        try (var examples = Files.list(Path.of("examples"))) {
            examples.filter(Files::isDirectory).map(dir -> dir.getFileName().toString())
                    .filter(name -> !layout.contains(name)).forEach(unnamed::add);
        }
        try (var schemas = Files.list(Path.of("schemas"))) {
            // apply-report-v1.schema.json is "apply report JSON", the YAML language's is "the YAML language".
            schemas.map(file -> file.getFileName().toString().replaceFirst("-v1\\.schema\\.json$", "").replace('-', ' '))
                    .filter(name -> !name.equals("elb reconcile") && !layout.contains(name)).forEach(unnamed::add);
        }
        assertEquals(List.of(), unnamed, "missing from the README's layout:\n" + layout);
    }

    private static String help(String command) {
        StringWriter out = new StringWriter();
        String[] args = (command + " --help").split(" ");
        assertEquals(ExitCodes.OK, Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args), command);
        return out.toString();
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    private static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
