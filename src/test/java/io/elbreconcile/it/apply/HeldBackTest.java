package io.elbreconcile.it.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.elbreconcile.it.apply.Harness.apply;
import static io.elbreconcile.it.apply.Harness.http;
import static io.elbreconcile.it.apply.Harness.lbCookie;
import static io.elbreconcile.it.apply.Harness.loadBalancer;
import static io.elbreconcile.it.apply.Harness.loadBalancerNames;
import static io.elbreconcile.it.apply.Harness.plan;
import static io.elbreconcile.it.apply.Harness.sdk;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A held-back change is data the merge job can act on: plan JSON keeps the real action with
 * {@code heldBack}, {@code plan --detailed-exitcode} and {@code apply} exit 2 while it remains,
 * and {@code --allow-delete} lets it through (then exit 0).
 */
@ExtendWith(EmulatorExtension.class)
class HeldBackTest {

    @TempDir
    Path dir;

    private Path twoThenOne(EmulatorServer emulator) {
        Path v1 = dir.resolve("v1");
        write(v1, "keep.yaml", loadBalancer("keep", "", http(80, 8080, "keep-sticky")), lbCookie("keep", "keep-sticky", 60));
        write(v1, "gone.yaml", loadBalancer("gone", "", http(80, 8080)));
        assertEquals(0, apply(emulator, v1, "--stack", "shop").code());
        Path v2 = dir.resolve("v2");
        write(v2, "keep.yaml", loadBalancer("keep", "", http(80, 8080, "keep-sticky")), lbCookie("keep", "keep-sticky", 60));
        return v2;
    }

    @Test
    void planJsonKeepsTheDeletionAsADeletionWithWhatItNeedsAndNoStep(EmulatorServer emulator) throws Exception {
        Path v2 = twoThenOne(emulator);

        Harness.Result planned = plan(emulator, v2, "--stack", "shop", "--format", "json", "--detailed-exitcode");

        assertEquals(2, planned.code(), planned.both());
        JsonNode json = new ObjectMapper().readTree(planned.out());
        JsonNode gone = null;
        for (JsonNode change : json.get("changes")) {
            if (change.get("address").asText().equals("LoadBalancer/gone")) {
                gone = change;
            }
        }
        assertTrue(gone != null, planned.out());
        assertEquals("delete", gone.get("action").asText(), "the real action, not noop");
        assertEquals("--allow-delete", gone.at("/heldBack/needs").asText());
        assertFalse(gone.has("source"), "no document declares it");
        assertEquals(0, json.get("steps").size());
        assertEquals(1, json.at("/summary/heldBack").asInt());
        assertEquals(0, json.at("/summary/delete").asInt(), "held back is counted apart from what will be deleted");
    }

    @Test
    void applyExitsTwoWhileTheDeletionIsHeldBackAndZeroOnceAllowed(EmulatorServer emulator) {
        Path v2 = twoThenOne(emulator);
        long writes = emulator.mutatingCallCount();

        Harness.Result held = apply(emulator, v2, "--stack", "shop");
        assertEquals(2, held.code(), "the merge job must not go green with work undone:\n" + held.both());
        assertEquals(writes, emulator.mutatingCallCount());
        assertTrue(held.err().contains("still to do, held back: delete LoadBalancer/gone (needs --allow-delete)"), held.both());

        Harness.Result allowed = apply(emulator, v2, "--stack", "shop", "--allow-delete");
        assertEquals(0, allowed.code(), allowed.both());
        assertEquals(List.of("keep"), loadBalancerNames(sdk(emulator)));
        assertEquals(0, plan(emulator, v2, "--stack", "shop", "--detailed-exitcode").code(), "nothing is left");
        assertEquals(0, apply(emulator, v2, "--stack", "shop").code(), "converged: exit 0");
    }

    @Test
    void withStackAnEmptyDirectorySaysEverythingOfTheStackGoes(EmulatorServer emulator) throws Exception {
        twoThenOne(emulator);
        Path empty = java.nio.file.Files.createDirectories(dir.resolve("empty"));

        Harness.Result refused = plan(emulator, empty);
        assertEquals(1, refused.code(), refused.both());
        assertTrue(refused.err().contains("no *.yaml or *.yml files in this directory (plan, apply and drift with --stack NAME take an empty directory"),
                refused.both());

        Harness.Result planned = plan(emulator, empty, "--stack", "shop", "--detailed-exitcode");
        assertEquals(2, planned.code(), planned.both());
        assertTrue(planned.out().contains("- LoadBalancer/gone  (delete, held back)")
                && planned.out().contains("- LoadBalancer/keep  (delete, held back)"), planned.both());

        assertEquals(0, apply(emulator, empty, "--stack", "shop", "--allow-delete").code());
        assertEquals(List.of(), loadBalancerNames(sdk(emulator)));
    }
}
