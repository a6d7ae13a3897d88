package io.elbreconcile.plan;

import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.ObservedState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A step is read back by the AWS name in its {@code operation} member, through the table of operations. */
class PlanCodecOperationNameTest {

    private final PlanCodec codec = new PlanCodec();

    private static String planJson(PlanCodec codec) {
        var lb = Fixtures.lb("web", List.of(Fixtures.http(80, 8080, "sticky")), List.of(new LbCookiePolicy("sticky", 60)),
                HealthCheck.AWS_DEFAULT, null, Map.of(), true);
        return codec.write(Fixtures.plan(Fixtures.desired(lb), ObservedState.empty()));
    }

    @Test
    void aStepNamingNoKnownAwsOperationIsRefusedWithItsName() {
        String json = planJson(codec);
        assertTrue(json.contains("\"operation\" : \"CreateLBCookieStickinessPolicy\""), json);
        for (String unknown : List.of("CreateLbCookiePolicy", "CreateLbCookieStickinessPolicy", "")) {
            String edited = json.replace("\"operation\" : \"CreateLBCookieStickinessPolicy\"", "\"operation\" : \"" + unknown + "\"");
            var error = assertThrows(PlanCodec.UnreadablePlanException.class, () -> codec.read(edited, "edited.json"));
            assertEquals("edited.json: unknown operation '" + unknown + "'", error.getMessage());
        }
    }
}
