package io.elbreconcile.it;

import io.elbreconcile.emulator.EmulatorServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The import round trip: import everything, then validate, plan and apply what was written. */
public final class ImportRoundTrip {

    private ImportRoundTrip() {
    }

    /** Runs {@code import --all --out OUT}, asserts it succeeded and returns the text it wrote to {@code file}. */
    public static String importAll(EmulatorServer emulator, Path out, String file) throws IOException {
        Cli.Result imported = Cli.against(emulator, "import", "--all", "--out", out.toString());
        assertEquals(0, imported.code(), imported::toString);
        return Files.readString(out.resolve(file));
    }

    /** The import validates, plans to no change, and applying it makes no mutating call. */
    public static void assertValidAndUnchanged(EmulatorServer emulator, Path out, String yaml) {
        Cli.Result validate = Cli.run("validate", out.toString());
        assertEquals(0, validate.code(), validate::toString);
        long writes = emulator.mutatingCallCount();
        Cli.Result plan = Cli.against(emulator, "plan", out.toString(), "--detailed-exitcode");
        assertEquals(0, plan.code(), () -> plan + "\n" + yaml);
        Cli.Result apply = Cli.against(emulator, "apply", out.toString(), "--auto-approve");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(writes, emulator.mutatingCallCount(), "applying the import changes nothing");
    }
}
