package io.elbreconcile.plan;

import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.ConnectionDraining;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.AppCookiePolicy;
import io.elbreconcile.model.ObservedState;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanCodecTest {

    private final PlanCodec codec = new PlanCodec();

    private static Plan sample() {
        var lb = Fixtures.lb("web", List.of(Fixtures.http(80, 8080, "sticky"), Fixtures.https(443, "arn:c", "app")),
                List.of(new LbCookiePolicy("sticky", 60), new AppCookiePolicy("app", "SESSIONID")),
                new HealthCheck("HTTP:8080/", 30, 5, 10, 2), new Attributes(true, new ConnectionDraining(true, 30), 90, null),
                Map.of("team", "web"), true);
        return Fixtures.plan(Fixtures.desired(lb), ObservedState.empty(),
                new PlanOptions(Optional.of("prod"), false, ReplaceStrategy.ZERO_GAP));
    }

    @Test
    void aPlanRoundTripsThroughJson() {
        Plan plan = sample();
        String json = codec.write(plan);
        assertEquals(plan, codec.read(json, "plan.json"));
        assertEquals(json, codec.write(codec.read(json, "plan.json")), "same plan, same bytes");
    }

    @Property(tries = 100)
    void everyRandomPlanRoundTrips(@ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        var first = PlannerProperties.randomDesired(random);
        var observed = Fixtures.built(PlannerProperties.randomDesired(random));
        Plan plan = Fixtures.plan(first, observed);
        assertEquals(plan, codec.read(codec.write(plan), "plan.json"));
    }

    @Test
    void theJsonNamesOperationsAndParametersAsAwsDoes() {
        String json = codec.write(sample());
        assertTrue(json.contains("\"operation\" : \"CreateLBCookieStickinessPolicy\""), json);
        assertTrue(json.contains("\"cookieExpirationPeriod\" : 60"), json);
        assertTrue(json.contains("\"formatVersion\" : 3"), json);
    }

    @Test
    void aPlanOfAnotherFormatVersionIsRefusedWithOneLine() {
        String json = codec.write(sample()).replace("\"formatVersion\" : 3", "\"formatVersion\" : 9");
        var error = assertThrows(PlanCodec.UnreadablePlanException.class, () -> codec.read(json, "old.json"));
        assertEquals("old.json has plan format version 9; this elb-reconcile reads version 3"
                + " (it was saved by a newer elb-reconcile: apply it with that version)", error.getMessage());
        String older = codec.write(sample()).replace("\"formatVersion\" : 3", "\"formatVersion\" : 2");
        var olderError = assertThrows(PlanCodec.UnreadablePlanException.class, () -> codec.read(older, "old.json"));
        assertEquals("old.json has plan format version 2; this elb-reconcile reads version 3"
                        + " (it was saved by an older elb-reconcile: run plan --out again)",
                olderError.getMessage());
    }

    @Test
    void garbageIsNotAPlan() {
        var error = assertThrows(PlanCodec.UnreadablePlanException.class, () -> codec.read("{\"x\": [", "bad.json"));
        assertTrue(error.getMessage().matches("bad\\.json:1:\\d+: not a valid plan file \\(Unexpected end-of-input[^\\[]*\\)"),
                "where, and the reason without the parser's internals: " + error.getMessage());
        assertThrows(PlanCodec.UnreadablePlanException.class, () -> codec.read("[1]", "list.json"));
        assertThrows(PlanCodec.UnreadablePlanException.class, () -> codec.read("{\"formatVersion\": 1}", "empty.json"));
    }

    private static final List<io.elbreconcile.model.InputText> INPUT = List.of(
            new io.elbreconcile.model.InputText("b.yaml", "apiVersion: elb-reconcile/v1\n"),
            new io.elbreconcile.model.InputText("a.yaml", "# a comment\n"));

    @Test
    void aSavedPlanRecordsItsInputSortedWithADigestAndRoundTrips() {
        Plan plan = sample();
        SavedPlan saved = codec.readSaved(codec.writeSaved(plan, INPUT, null), "plan.json");
        assertEquals(plan, saved.plan());
        assertEquals(List.of("a.yaml", "b.yaml"), saved.inputs().stream().map(io.elbreconcile.model.InputText::path).toList());
        assertTrue(saved.inputsMatchDigest());
        assertEquals(null, saved.mac());
        assertEquals(java.util.Optional.empty(), codec.firstDifference(saved, plan));
    }

    @Test
    void theDigestSeparatesPathsFromTexts() {
        assertTrue(!SavedPlan.digestOf(List.of(new io.elbreconcile.model.InputText("a", "bc")))
                .equals(SavedPlan.digestOf(List.of(new io.elbreconcile.model.InputText("ab", "c")))));
    }

    @Test
    void theMacCoversTheCanonicalContentWhateverTheKeyOrderOrIndentation() throws Exception {
        String signed = codec.writeSaved(sample(), INPUT, "k");
        SavedPlan saved = codec.readSaved(signed, "plan.json");
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(signed);
        var reversed = mapper.createObjectNode();
        List<String> keys = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        java.util.Collections.reverse(keys);
        keys.forEach(key -> reversed.set(key, tree.get(key)));
        String compact = mapper.writeValueAsString(reversed);

        assertTrue(PlanSeal.matches("k", codec.canonicalContent(signed, "plan.json"), saved.mac()));
        assertTrue(PlanSeal.matches("k", codec.canonicalContent(compact, "plan.json"), saved.mac()));
        assertTrue(!PlanSeal.matches("other", codec.canonicalContent(signed, "plan.json"), saved.mac()));
        assertTrue(!PlanSeal.matches("k", codec.canonicalContent(signed.replace("\"allowDelete\" : false",
                "\"allowDelete\" : true"), "plan.json"), saved.mac()));
    }

    @Test
    void aDuplicateKeyIsNotAPlan() {
        String json = codec.writeSaved(sample(), INPUT, null).replaceFirst("\\{", "{\"formatVersion\": 2,");
        var error = assertThrows(PlanCodec.UnreadablePlanException.class, () -> codec.readSaved(json, "dup.json"));
        assertTrue(error.getMessage().contains("Duplicate field 'formatVersion'"), error.getMessage());
    }

    @Test
    void theFirstDifferenceIsNamedByItsPath() {
        Plan plan = sample();
        String json = codec.writeSaved(plan, INPUT, null).replace("\"cookieExpirationPeriod\" : 60", "\"cookieExpirationPeriod\" : 61");
        String difference = codec.firstDifference(codec.readSaved(json, "plan.json"), plan).orElseThrow();
        assertTrue(difference.matches("changes\\[\\d+]\\.after\\.cookieExpirationPeriod: saved 61, fresh 60"), difference);
    }
}
