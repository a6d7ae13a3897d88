package io.elbreconcile.it.apply;

import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.EmulatorServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.elbreconcile.it.apply.Harness.cli;
import static io.elbreconcile.it.apply.Harness.listenerPolicies;
import static io.elbreconcile.it.apply.Harness.policies;
import static io.elbreconcile.it.apply.Harness.quickstart;
import static io.elbreconcile.it.apply.Harness.sdk;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --emulator=STATEFILE}: each command starts its own emulator on the state file, so plan,
 * apply and a saved plan in separate runs see one world, and the state file is the target's identity.
 */
class ApplyEmbeddedEmulatorTest {

    @TempDir
    Path dir;

    @Test
    void separateRunsShareTheWorldOfTheStateFile() {
        Path state = dir.resolve("state").resolve("emulator.json");
        Path v1 = write(dir.resolve("v1"), "lb.yaml", quickstart(60));
        Path v2 = write(dir.resolve("v2"), "lb.yaml", quickstart(120));

        Harness.Result applied = cli("apply", v1.toString(), "--auto-approve", "--emulator=" + state, "--no-color");
        assertEquals(0, applied.code(), applied.both());
        assertTrue(Files.isRegularFile(state), "the world was saved");
        Harness.Result same = cli("plan", v1.toString(), "--emulator=" + state, "--detailed-exitcode");
        assertEquals(0, same.code(), same.both());

        Path planFile = dir.resolve("plan.json");
        assertEquals(2, cli("plan", v2.toString(), "--emulator=" + state, "--out", planFile.toString(), "--detailed-exitcode").code());
        Harness.Result fromFile = cli("apply", planFile.toString(), "--auto-approve", "--emulator=" + state);
        assertEquals(0, fromFile.code(), fromFile.both());

        try (EmulatorServer reopened = EmulatorServer.start(EmulatorConfig.embedded(state))) {
            var elb = sdk(reopened);
            assertEquals("120", policies(elb, "my-load-balancer").get("my-duration-cookie-policy").get("CookieExpirationPeriod"));
            assertEquals(1, policies(elb, "my-load-balancer").size());
            assertEquals(List.of("my-duration-cookie-policy"), listenerPolicies(elb, "my-load-balancer", 80));
        }
    }

    @Test
    void aPlanForAnotherStateFileIsRefused() {
        Path input = write(dir.resolve("yaml"), "lb.yaml", quickstart(60));
        Path planFile = dir.resolve("plan.json");
        Path mine = dir.resolve("mine.json");
        Path theirs = dir.resolve("theirs.json");
        assertEquals(0, cli("plan", input.toString(), "--emulator=" + theirs, "--out", planFile.toString()).code());

        Harness.Result applied = cli("apply", planFile.toString(), "--auto-approve", "--emulator=" + mine);

        assertEquals(1, applied.code(), applied.both());
        assertTrue(applied.err().contains("the plan was made for emulator:") && applied.err().contains("theirs.json"), applied.both());
        try (EmulatorServer untouched = EmulatorServer.start(EmulatorConfig.embedded(mine))) {
            assertEquals(List.of(), Harness.loadBalancerNames(sdk(untouched)));
            assertEquals(0, untouched.mutatingCallCount());
        }
    }
}
