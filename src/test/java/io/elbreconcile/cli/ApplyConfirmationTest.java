package io.elbreconcile.cli;

import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without --auto-approve, apply changes nothing unless the answer is exactly "yes". */
@ExtendWith(EmulatorExtension.class)
class ApplyConfirmationTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int apply(EmulatorServer emulator, String input) {
        return Main.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out), new PrintWriter(err),
                "apply", "examples/quickstart", "--endpoint-url", emulator.endpoint().toString(), "--region", "us-east-1");
    }

    @Test
    void anythingButYesCancels(EmulatorServer emulator) {
        for (String answer : new String[] {"no\n", "y\n", "YES please\n", "\n"}) {
            assertEquals(ExitCodes.ERROR, apply(emulator, answer), answer);
        }
        assertEquals(0, emulator.mutatingCallCount());
        assertTrue(out.toString().contains("Apply these 3 steps? Only 'yes' is accepted"), out.toString());
        assertTrue(err.toString().contains("Apply cancelled; nothing was changed."), err.toString());
    }

    @Test
    void closedInputIsAnErrorNamingTheFlag(EmulatorServer emulator) {
        assertEquals(ExitCodes.ERROR, apply(emulator, ""));
        assertEquals(0, emulator.mutatingCallCount());
        assertTrue(err.toString().contains("pass --auto-approve"), err.toString());
    }

    @Test
    void yesApplies(EmulatorServer emulator) {
        assertEquals(ExitCodes.OK, apply(emulator, "yes\n"), err.toString());
        assertEquals(3, emulator.mutatingCallCount());
        assertTrue(out.toString().contains("Apply complete: 3 done"), out.toString());
    }

    @Test
    void oneStepIsAskedAboutInTheSingular(EmulatorServer emulator) {
        assertEquals(ExitCodes.OK, apply(emulator, "yes\n"), err.toString());
        try (var elb = io.elbreconcile.testing.ElbClients.forEndpoint(emulator.endpoint())) {
            elb.addTags(r -> r.loadBalancerNames("my-load-balancer").tags(t -> t.key("team").value("ops")));
        }
        out.getBuffer().setLength(0);

        assertEquals(ExitCodes.ERROR, apply(emulator, "no\n"));
        assertTrue(out.toString().contains("Apply this step? Only 'yes' is accepted"), out.toString());
    }
}
