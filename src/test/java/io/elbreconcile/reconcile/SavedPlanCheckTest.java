package io.elbreconcile.reconcile;

import io.elbreconcile.aws.SdkElbPort;
import io.elbreconcile.aws.TargetSettings;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.model.InputText;
import io.elbreconcile.model.Target;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanCodec;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.SavedPlan;
import io.elbreconcile.spec.SpecLoader;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The saved-plan checks apply runs for one plan and for every target of a plan set, through the
 * real SDK against the emulator: each refusal is its own verdict, and none writes anything.
 */
@ExtendWith(EmulatorExtension.class)
class SavedPlanCheckTest {

    private static final String KEY = "a shared key";

    @TempDir
    Path dir;

    private EmulatorServer emulator;

    @BeforeEach
    void keep(EmulatorServer server) {
        this.emulator = server;
    }

    /** The target as the port opened it, or as another one when {@code claimed} is given. */
    private record PortTarget(SdkElbPort port, Target claimed) implements OpenTarget {
        @Override
        public Target target() {
            return claimed == null ? port.target() : claimed;
        }

        @Override
        public void close() {
            port.close();
        }
    }

    private static PortTarget open(EmulatorServer emulator) {
        return new PortTarget(SdkElbPort.connect(TargetSettings.defaults()
                .withEndpointUrl(emulator.endpoint().toString())
                .withRegion("us-east-1")
                .withStaticCredentials(new TargetSettings.StaticCredentials("AKIDTEST", "secret", null))), null);
    }

    private Path quickstart(String name, long cookiePeriod) throws IOException {
        Path input = Files.createDirectories(dir.resolve(name));
        Files.writeString(input.resolve("lb.yaml"), """
                apiVersion: elb-reconcile/v1
                kind: LoadBalancer
                metadata:
                  name: web
                spec:
                  scheme: internet-facing
                  availabilityZones: [us-east-1a]
                  listeners:
                    - protocol: HTTP
                      loadBalancerPort: 80
                      instanceProtocol: HTTP
                      instancePort: 8080
                      policies: [sticky]
                ---
                apiVersion: elb-reconcile/v1
                kind: LBCookieStickinessPolicy
                metadata:
                  name: sticky
                spec:
                  loadBalancer: web
                  cookieExpirationPeriod: %d
                """.formatted(cookiePeriod));
        return input;
    }

    /** What {@code plan --out} saves: the plan with its recorded input, read back as apply reads it. */
    private static SavedPlan saved(Path input, OpenTarget target, PlanOptions options, String key) {
        SpecLoader.Loaded loaded = new SpecLoader().load(input);
        Plan plan = Planning.planned(target, loaded.state(), options).plan();
        PlanCodec codec = new PlanCodec();
        return codec.readSaved(codec.writeSaved(plan, loaded.inputs(), key), "plan.json");
    }

    private static long calls(EmulatorServer emulator) {
        return emulator.callCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void aPlanOfUnchangedInputAndWorldHoldsAndItsFreshPlanIsTheSavedOne() throws IOException {
        Path input = quickstart("web", 60);
        try (PortTarget target = open(emulator)) {
            SavedPlan saved = saved(input, target, PlanOptions.defaults(), null);
            assertEquals(Optional.empty(), SavedPlanCheck.recordedProblem(saved, PlanOptions.defaults()));
            SavedPlanVerdict verdict = SavedPlanCheck.verify(saved,
                    SavedPlanCheck.recordedInput(saved, PlanOptions.defaults()).state(), target, PlanOptions.defaults());
            Planned fresh = assertInstanceOf(SavedPlanVerdict.Holds.class, verdict).fresh();
            assertEquals(saved.plan().steps(), fresh.plan().steps());
            assertFalse(fresh.plan().steps().isEmpty());
            assertTrue(fresh.lookedUp().contains("web"));
            assertEquals(0, emulator.mutatingCallCount());
        }
    }

    @Test
    void aPlanForAnotherTargetIsStaleBeforeAnythingIsRead() throws IOException {
        Path input = quickstart("web", 60);
        try (PortTarget target = open(emulator)) {
            SavedPlan saved = saved(input, target, PlanOptions.defaults(), null);
            PortTarget elsewhere = new PortTarget(target.port(), new Target("https://elsewhere.invalid", "eu-west-1", null));
            long before = calls(emulator);
            SavedPlanVerdict verdict = SavedPlanCheck.verify(saved,
                    SavedPlanCheck.recordedInput(saved, PlanOptions.defaults()).state(), elsewhere, PlanOptions.defaults());
            List<String> problems = assertInstanceOf(SavedPlanVerdict.Stale.class, verdict).problems();
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).startsWith("the plan was made for "), problems.get(0));
            assertTrue(problems.get(0).contains("not https://elsewhere.invalid (eu-west-1)"), problems.get(0));
            assertEquals(before, calls(emulator), "nothing is read for another target");
        }
    }

    @Test
    void aLoadBalancerCreatedSinceThePlanMakesItStale() throws IOException {
        Path input = quickstart("web", 60);
        try (PortTarget target = open(emulator); ElasticLoadBalancingClient sdk = ElbClients.forEndpoint(emulator.endpoint())) {
            SavedPlan saved = saved(input, target, PlanOptions.defaults(), null);
            sdk.createLoadBalancer(b -> b.loadBalancerName("web").availabilityZones("us-east-1a")
                    .listeners(l -> l.protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(8080)));
            long writes = emulator.mutatingCallCount();
            SavedPlanVerdict verdict = SavedPlanCheck.verify(saved,
                    SavedPlanCheck.recordedInput(saved, PlanOptions.defaults()).state(), target, PlanOptions.defaults());
            List<String> problems = assertInstanceOf(SavedPlanVerdict.Stale.class, verdict).problems();
            assertTrue(problems.stream().anyMatch(p -> p.contains("web") && p.endsWith("changed since the plan was made (it now exists)")),
                    problems.toString());
            assertEquals(writes, emulator.mutatingCallCount());
        }
    }

    @Test
    void aPlanThatIsNotWhatItsRecordedInputGivesDiffersAndSaysWhere() throws IOException {
        Path planned = quickstart("planned", 60);
        Path recorded = quickstart("recorded", 120);
        try (PortTarget target = open(emulator)) {
            SavedPlan of60 = saved(planned, target, PlanOptions.defaults(), null);
            List<InputText> inputsOf120 = new SpecLoader().load(recorded).inputs();
            SavedPlan edited = new SavedPlan(of60.plan(), inputsOf120, SavedPlan.digestOf(inputsOf120), null, of60.text());
            assertEquals(Optional.empty(), SavedPlanCheck.recordedProblem(edited, PlanOptions.defaults()));
            SavedPlanVerdict verdict = SavedPlanCheck.verify(edited,
                    SavedPlanCheck.recordedInput(edited, PlanOptions.defaults()).state(), target, PlanOptions.defaults());
            String message = verdict.match(fresh -> "holds", stale -> "stale " + stale, differs -> differs);
            assertTrue(message.startsWith("saved plan differs from a fresh plan of its recorded desired state at "), message);
            assertTrue(message.endsWith(" (was the file edited?)"), message);
            assertEquals(0, emulator.mutatingCallCount());
        }
    }

    @Test
    void theRecordedFilesAreCheckedAgainstTheirDigestBeforeTheOptions() throws IOException {
        Path input = quickstart("web", 60);
        try (PortTarget target = open(emulator)) {
            SavedPlan saved = saved(input, target, PlanOptions.defaults(), null);
            PlanOptions allowingDelete = new PlanOptions(Optional.empty(), true, PlanOptions.defaults().replaceStrategy());
            assertTrue(SavedPlanCheck.recordedProblem(saved, allowingDelete).orElseThrow()
                    .startsWith("the saved plan was made without --allow-delete"));
            List<InputText> edited = List.of(new InputText(saved.inputs().get(0).path(),
                    saved.inputs().get(0).text().replace("60", "61")));
            SavedPlan tampered = new SavedPlan(saved.plan(), edited, saved.inputsDigest(), null, saved.text());
            assertEquals(Optional.of("desiredState.digest does not match the recorded files (the file was edited)"),
                    SavedPlanCheck.recordedProblem(tampered, allowingDelete));
        }
    }

    @Test
    void theMacIsRequiredExactlyWhenAKeyIsSetAndMustMatchIt() throws IOException {
        Path input = quickstart("web", 60);
        try (PortTarget target = open(emulator)) {
            SavedPlan unsigned = saved(input, target, PlanOptions.defaults(), null);
            SavedPlan signed = saved(input, target, PlanOptions.defaults(), KEY);
            assertEquals(Optional.empty(), SavedPlanCheck.macProblem(Optional.empty(), unsigned.mac(), unsigned.text(), "p"));
            assertEquals(Optional.empty(), SavedPlanCheck.macProblem(Optional.of(KEY), signed.mac(), signed.text(), "p"));
            assertEquals(Optional.of("it carries a MAC but ELB_RECONCILE_PLAN_KEY is not set to check it"),
                    SavedPlanCheck.macProblem(Optional.empty(), signed.mac(), signed.text(), "p"));
            assertEquals(Optional.of("ELB_RECONCILE_PLAN_KEY is set but the plan carries no MAC (save it with the key set)"),
                    SavedPlanCheck.macProblem(Optional.of(KEY), unsigned.mac(), unsigned.text(), "p"));
            assertEquals(Optional.of("its MAC does not match ELB_RECONCILE_PLAN_KEY (the file was changed, or signed with another key)"),
                    SavedPlanCheck.macProblem(Optional.of("another key"), signed.mac(), signed.text(), "p"));
        }
    }
}
