package io.elbreconcile.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated script is run by a real bash, the way the shell calls it on a TAB. */
class CompletionCommandTest {

    @TempDir
    Path dir;

    private String script(String shell) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.OK, Main.run(new PrintWriter(out), new PrintWriter(err), "completion", shell), err.toString());
        assertEquals("", err.toString());
        return out.toString();
    }

    /** What the completion function offers for the words typed so far, the last one being completed. */
    private String complete(String script, String... words) throws IOException, InterruptedException {
        Path file = dir.resolve("completion.bash");
        Files.writeString(file, script);
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append('\'');
        }
        String call = "source '" + file + "' 2>/dev/null; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; _complete_elb-reconcile 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process bash = new ProcessBuilder("bash", "--noprofile", "--norc", "-c", call).redirectErrorStream(true).start();
        String offered = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.waitFor(), offered);
        return offered;
    }

    @Test
    void bashCompletesCommandsOptionsAndEnumValues() throws Exception {
        String script = script("bash");
        assertEquals("plan\n", complete(script, "elb-reconcile", "pl"));
        assertEquals("--detailed-exitcode\n", complete(script, "elb-reconcile", "plan", "--detailed-e"));
        assertEquals("--detailed-exitcode\n", complete(script, "elb-reconcile", "--debug", "plan", "--detailed-e"));
        assertEquals("text\njson\nmarkdown\n", complete(script, "elb-reconcile", "plan", "--format", ""));
        assertEquals("serve\n", complete(script, "elb-reconcile", "emulator", "s"));
        assertEquals("bash\nzsh\n", complete(script, "elb-reconcile", "completion", ""));
    }

    @Test
    void zshGetsTheScriptThroughItsBashCompletionLayer() {
        String script = script("zsh");
        assertTrue(script.contains("ZSH_VERSION") && script.contains("bashcompinit"), script);
        assertTrue(script.contains("complete -F _complete_elb-reconcile"), script);
    }

    @Test
    void anUnknownShellIsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.ERROR, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "completion", "fish"));
        assertTrue(err.toString().startsWith("error: ") && err.toString().contains("fish"), err.toString());
    }
}
