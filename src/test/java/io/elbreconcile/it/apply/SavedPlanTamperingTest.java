package io.elbreconcile.it.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.elbreconcile.cli.Main;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.elbreconcile.it.apply.Harness.concat;
import static io.elbreconcile.it.apply.Harness.http;
import static io.elbreconcile.it.apply.Harness.lbCookie;
import static io.elbreconcile.it.apply.Harness.loadBalancer;
import static io.elbreconcile.it.apply.Harness.loadBalancerNames;
import static io.elbreconcile.it.apply.Harness.sdk;
import static io.elbreconcile.it.apply.Harness.target;
import static io.elbreconcile.it.apply.Harness.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PRODUCT.md section 11: a saved plan is a commitment, not a script. Each edit a hostile or
 * careless hand could make to a plan file is refused with one line naming it, before any
 * mutating call, through the real CLI against the emulator.
 */
@ExtendWith(EmulatorExtension.class)
class SavedPlanTamperingTest {

    private static final String LB = "my-load-balancer";
    private static final String POLICY = "my-duration-cookie-policy";
    private static final String BYSTANDER = "bystander";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private EmulatorServer emulator;
    private Path planFile;

    /** The quickstart, protected, with a cookie period to change: a plan of a few steps, none deleting. */
    private static String[] protectedQuickstart(long period) {
        return new String[] {
                loadBalancer(LB, "  protect: true\n", http(80, 8080, POLICY)),
                lbCookie(LB, POLICY, period)};
    }

    @BeforeEach
    void aSavedPlanOfTheProtectedQuickstart(EmulatorServer emulator) {
        this.emulator = emulator;
        Harness.Result created = Harness.apply(emulator, write(dir.resolve("v1"), "lb.yaml", protectedQuickstart(60)));
        assertEquals(0, created.code(), created.both());
        planFile = dir.resolve("plan.json");
        Result planned = run(Map.of(), "plan", write(dir.resolve("v2"), "lb.yaml", protectedQuickstart(120)).toString(),
                "--out", planFile.toString());
        assertEquals(0, planned.code(), planned.both());
    }

    // ---- the CLI with an environment ---------------------------------------------------------

    record Result(int code, String out, String err) {
        String both() {
            return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }

        /** The last line of stderr: what a user reads first. */
        String verdict() {
            String[] lines = err.split("\n");
            return lines[lines.length - 1];
        }
    }

    private Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new ByteArrayInputStream(new byte[0]), env, new PrintWriter(out, true), new PrintWriter(err, true),
                concat(args, target(emulator)));
        return new Result(code, out.toString(), err.toString());
    }

    private Result applyPlanFile(String... extra) {
        return applyPlanFile(Map.of(), extra);
    }

    private Result applyPlanFile(Map<String, String> env, String... extra) {
        return run(env, concat(new String[] {"apply", planFile.toString(), "--auto-approve"}, extra));
    }

    private void edit(Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(planFile));
            change.accept(root);
            Files.writeString(planFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode step(String operation, String address, Map<String, Object> parameters) {
        ObjectNode step = JSON.createObjectNode();
        step.put("id", operation + ":" + address);
        step.put("operation", operation);
        step.put("address", address);
        step.put("description", "added by hand");
        step.set("parameters", JSON.valueToTree(parameters));
        step.putArray("dependsOn");
        return step;
    }

    /** Refused with exit 1, the expected last line, no stack trace, and not one mutating call. */
    private void assertRefused(Result applied, String expectedVerdict, long mutatingBefore) {
        assertEquals(1, applied.code(), applied.both());
        assertEquals(expectedVerdict, applied.verdict(), applied.both());
        assertFalse(applied.err().contains("\tat "), "no stack trace without --debug");
        assertEquals(mutatingBefore, emulator.mutatingCallCount(), "a refused plan made a mutating call\n" + applied.both());
        assertEquals(List.of(LB), loadBalancerNames(sdk(emulator)));
    }

    private String refusal(String why) {
        return "error: refusing to apply " + planFile + ": " + why + "; nothing was changed";
    }

    private String differs(String where) {
        return refusal("saved plan differs from a fresh plan of its recorded desired state at " + where + " (was the file edited?)");
    }

    // ---- the untouched plan still works ---------------------------------------------------------

    @Test
    void theUntouchedPlanIsApplied() {
        Result applied = applyPlanFile();
        assertEquals(0, applied.code(), applied.both());
        assertTrue(applied.out().contains("Apply complete"), applied.both());
    }

    @Test
    void reindentingAndReorderingKeysChangesNothingThatMatters() {
        edit(root -> {
            ObjectNode reordered = JSON.createObjectNode();
            List<String> names = new java.util.ArrayList<>();
            root.fieldNames().forEachRemaining(names::add);
            java.util.Collections.reverse(names);
            names.forEach(name -> reordered.set(name, root.get(name)));
            root.removeAll();
            root.setAll(reordered);
        });
        Result applied = applyPlanFile();
        assertEquals(0, applied.code(), applied.both());
    }

    // ---- edits of the plan ---------------------------------------------------------------------

    @Test
    void anAppendedDeletionOfAProtectedLoadBalancerIsRefused() {
        int[] index = new int[1];
        edit(root -> {
            ArrayNode steps = (ArrayNode) root.get("steps");
            index[0] = steps.size();
            steps.add(step("DeleteLoadBalancer", "LoadBalancer/" + LB, Map.of("loadBalancer", LB)));
        });
        long before = emulator.mutatingCallCount();

        assertRefused(applyPlanFile(), differs("steps[" + index[0] + "]: not in a fresh plan (the saved plan has "
                + "{\"id\":\"DeleteLoadBalancer:LoadBalancer/my-load-balancer\",\"operation\":\"DeleteLoadBalancer\",\"address\":\"LoadBalancer/my-loa…)"),
                before);
        // --allow-delete on the command line widens nothing either.
        assertRefused(applyPlanFile("--allow-delete"), refusal("the saved plan was made without --allow-delete;"
                + " apply it without --allow-delete, or run plan again with it"), before);
    }

    @Test
    void aStepRemovingTheProtectTagIsRefused() {
        edit(root -> ((ArrayNode) root.get("steps")).add(step("RemoveTags", "Tags/" + LB,
                Map.of("loadBalancer", LB, "keys", List.of("elb-reconcile:protect")))));
        long before = emulator.mutatingCallCount();

        Result applied = applyPlanFile();

        assertTrue(applied.verdict().startsWith(differs("steps[").replace(" (was the file edited?); nothing was changed", "")),
                applied.both());
        assertRefused(applied, applied.verdict(), before);
        assertEquals("true", Harness.tags(sdk(emulator), LB).get("elb-reconcile:protect"));
    }

    @Test
    void aStepOnALoadBalancerThePlanNeverReadIsRefused() {
        sdk(emulator).createLoadBalancer(r -> r.loadBalancerName(BYSTANDER).availabilityZones("us-east-1a")
                .listeners(l -> l.protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(80)));
        edit(root -> ((ArrayNode) root.get("steps")).insert(0, step("SetLoadBalancerPoliciesOfListener",
                "ListenerPolicies/" + BYSTANDER + "/80",
                Map.of("loadBalancer", BYSTANDER, "port", 80, "policyNames", List.of()))));
        long before = emulator.mutatingCallCount();

        Result applied = applyPlanFile();

        assertEquals(1, applied.code(), applied.both());
        assertTrue(applied.verdict().startsWith(differs("steps[0].id: saved \"SetLoadBalancerPoliciesOfListener:ListenerPolicies/bystander/80\"")
                .replace(" (was the file edited?); nothing was changed", "")), applied.both());
        assertEquals(before, emulator.mutatingCallCount());
    }

    @Test
    void aSummaryThatDisagreesWithTheStepsIsRefused() {
        edit(root -> {
            ((ObjectNode) root.get("summary")).put("create", 60);
            ((ObjectNode) root.get("summary")).put("steps", 999);
        });
        long before = emulator.mutatingCallCount();
        Result applied = applyPlanFile();
        assertEquals(1, applied.code(), applied.both());
        assertTrue(applied.verdict().contains("at summary.create: saved 60, fresh "), applied.both());
        assertEquals(before, emulator.mutatingCallCount());
    }

    @Test
    void allowDeleteWrittenIntoTheFileIsRefused() {
        edit(root -> ((ObjectNode) root.get("options")).put("allowDelete", true));
        long before = emulator.mutatingCallCount();

        assertRefused(applyPlanFile(), refusal("the plan was made with --allow-delete, and deletions need it on the apply"
                + " command line too (add --allow-delete, or run plan again without it)"), before);
    }

    @Test
    void optionsComeFromTheApplyCommandLine() {
        long before = emulator.mutatingCallCount();
        assertRefused(applyPlanFile("--stack", "shop"), refusal("the plan was made with no --stack but apply was given"
                + " --stack shop (give apply the same --stack)"), before);
        assertRefused(applyPlanFile("--replace-strategy", "direct"), refusal("the plan was made with --replace-strategy"
                + " zero-gap but apply was given direct (give apply the same --replace-strategy)"), before);
        edit(root -> ((ObjectNode) root.get("options")).put("replaceStrategy", "direct"));
        Result agreeing = applyPlanFile("--replace-strategy", "direct");
        assertTrue(agreeing.verdict().contains("differs from a fresh plan of its recorded desired state at summary.steps: saved 6, fresh 4"),
                "the options agree, but the steps are those of zero-gap\n" + agreeing.both());
        assertRefused(agreeing, agreeing.verdict(), before);
    }

    @Test
    void anEmptiedFingerprintMapIsRefused() {
        edit(root -> root.putObject("fingerprints"));
        long before = emulator.mutatingCallCount();

        Result applied = applyPlanFile();

        assertEquals(1, applied.code(), applied.both());
        assertTrue(applied.verdict().startsWith(differs("fingerprints[\"Attributes/my-load-balancer\"]: missing from the saved plan")
                        .replace(" (was the file edited?); nothing was changed", ""))
                        || applied.verdict().startsWith(differs("fingerprints[\"LoadBalancer/my-load-balancer\"]: missing from the saved plan")
                        .replace(" (was the file edited?); nothing was changed", "")),
                applied.both());
        assertFalse(applied.err().contains("stale"), "an edit is not called staleness\n" + applied.both());
        assertEquals(before, emulator.mutatingCallCount());
    }

    @Test
    void anEditedRecordedInputIsRefused() {
        edit(root -> {
            ObjectNode file = (ObjectNode) root.get("desiredState").get("files").get(0);
            file.put("text", file.get("text").asText().replace("protect: true", "protect: false"));
        });
        long before = emulator.mutatingCallCount();
        assertRefused(applyPlanFile(), refusal("desiredState.digest does not match the recorded files (the file was edited)"), before);
    }

    @Test
    void anEditedRecordedInputWithARecomputedDigestIsStillRefused() {
        edit(root -> {
            ObjectNode desired = (ObjectNode) root.get("desiredState");
            ObjectNode file = (ObjectNode) desired.get("files").get(0);
            file.put("text", file.get("text").asText().replace("cookieExpirationPeriod: 120", "cookieExpirationPeriod: 5"));
            desired.put("digest", io.elbreconcile.plan.SavedPlan.digestOf(List.of(
                    new io.elbreconcile.model.InputText(file.get("path").asText(), file.get("text").asText()))));
        });
        long before = emulator.mutatingCallCount();
        Result applied = applyPlanFile();
        assertEquals(1, applied.code(), applied.both());
        assertTrue(applied.verdict().contains("saved plan differs from a fresh plan of its recorded desired state at inputDigest: "),
                applied.both());
        assertEquals(before, emulator.mutatingCallCount());
    }

    @Test
    void aPlanOfTheOldFormatIsRefusedWithOneLine() {
        edit(root -> {
            root.put("formatVersion", 1);
            root.remove("desiredState");
        });
        long before = emulator.mutatingCallCount();
        assertRefused(applyPlanFile(), "error: " + planFile + " has plan format version 1; this elb-reconcile reads version 3"
                + " (it was saved by an older elb-reconcile: run plan --out again)", before);
    }

    @Test
    void aPlanOfVersionTwoWhoseFingerprintsHashedRecordTextIsRefusedAsOldNotAsStale() {
        edit(root -> root.put("formatVersion", 2));
        long before = emulator.mutatingCallCount();
        assertRefused(applyPlanFile(), "error: " + planFile + " has plan format version 2; this elb-reconcile reads version 3"
                + " (it was saved by an older elb-reconcile: run plan --out again)", before);
    }

    @Test
    void aPlanPrintedWithFormatJsonIsNotASavedPlan() {
        Result printed = run(Map.of(), "plan", dir.resolve("v2").toString(), "--format", "json");
        assertEquals(0, printed.code(), printed.both());
        try {
            Files.writeString(planFile, printed.out());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long before = emulator.mutatingCallCount();
        assertRefused(applyPlanFile(), "error: " + planFile + " records no desired state: it was not saved by 'plan --out'"
                + " (run plan --out again)", before);
    }

    // ---- the MAC ----------------------------------------------------------------------------------

    private static final Map<String, String> KEY = Map.of("ELB_RECONCILE_PLAN_KEY", "correct horse battery staple");

    private void planSigned(Map<String, String> env) {
        Result planned = run(env, "plan", dir.resolve("v2").toString(), "--out", planFile.toString());
        assertEquals(0, planned.code(), planned.both());
    }

    @Test
    void aSignedPlanIsAppliedWithTheKey() {
        planSigned(KEY);
        Result applied = applyPlanFile(KEY);
        assertEquals(0, applied.code(), applied.both());
    }

    @Test
    void aSignedPlanWithAnyEditIsRefusedWithTheKey() {
        planSigned(KEY);
        edit(root -> ((ArrayNode) root.get("notices")).add("hello"));
        long before = emulator.mutatingCallCount();
        assertRefused(applyPlanFile(KEY), refusal("its MAC does not match ELB_RECONCILE_PLAN_KEY"
                + " (the file was changed, or signed with another key)"), before);
    }

    @Test
    void aSignedPlanIsRefusedWithAnotherKey() {
        planSigned(KEY);
        long before = emulator.mutatingCallCount();
        assertRefused(applyPlanFile(Map.of("ELB_RECONCILE_PLAN_KEY", "another key")), refusal("its MAC does not match"
                + " ELB_RECONCILE_PLAN_KEY (the file was changed, or signed with another key)"), before);
    }

    @Test
    void anUnsignedPlanIsRefusedWhenTheKeyIsSet() {
        long before = emulator.mutatingCallCount();
        assertRefused(applyPlanFile(KEY), refusal("ELB_RECONCILE_PLAN_KEY is set but the plan carries no MAC"
                + " (save it with the key set)"), before);
    }

    @Test
    void aSignedPlanIsRefusedWithoutTheKey() {
        planSigned(KEY);
        long before = emulator.mutatingCallCount();
        assertRefused(applyPlanFile(), refusal("it carries a MAC but ELB_RECONCILE_PLAN_KEY is not set to check it"), before);
    }

    @Test
    void aStrippedMacIsRefusedWithTheKey() {
        planSigned(KEY);
        edit(root -> root.remove("mac"));
        long before = emulator.mutatingCallCount();
        assertRefused(applyPlanFile(KEY), refusal("ELB_RECONCILE_PLAN_KEY is set but the plan carries no MAC"
                + " (save it with the key set)"), before);
    }

    @Test
    void anEmptyKeyIsRefused() {
        Result planned = run(Map.of("ELB_RECONCILE_PLAN_KEY", ""), "plan", dir.resolve("v2").toString(), "--out",
                dir.resolve("other.json").toString());
        assertEquals(1, planned.code(), planned.both());
        assertEquals("error: ELB_RECONCILE_PLAN_KEY is set but empty: set it to the shared key, or unset it", planned.verdict());
        assertFalse(Files.exists(dir.resolve("other.json")));
    }
}
