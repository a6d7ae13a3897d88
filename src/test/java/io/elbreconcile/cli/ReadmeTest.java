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
