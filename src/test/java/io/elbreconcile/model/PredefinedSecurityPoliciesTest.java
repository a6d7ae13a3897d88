package io.elbreconcile.model;

import io.elbreconcile.emulator.engine.PolicyState;
import io.elbreconcile.emulator.engine.PredefinedSslPolicies;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reconciler's copy of AWS's table of predefined policies and the emulator's are kept apart on
 * purpose (one bug must not hide on both sides); here they must agree, policy by policy.
 */
class PredefinedSecurityPoliciesTest {

    @Test
    void everyPredefinedPolicyEnablesWhatTheEmulatorsTableSays() {
        int compared = 0;
        for (String name : SecurityPolicies.PREDEFINED) {
            PolicyState emulated = PredefinedSslPolicies.find(name).orElseThrow();
            Optional<SslNegotiationPolicy> known = PredefinedSecurityPolicies.settingsOf(name);
            if (emulated.attributes().isEmpty()) {
                assertTrue(known.isEmpty(), name + ": the table gives no values, so none may be invented");
                continue;
            }
            List<PolicyAttribute> wire = emulated.attributes().stream()
                    .map(a -> new PolicyAttribute(a.name(), a.value())).toList();
            assertEquals(SslNegotiationPolicy.fromWire(name, wire), known.orElseThrow(), name);
            compared++;
        }
        assertEquals(6, compared, "the six policies the table gives values for");
    }

    @Test
    void aPolicyIsWhatItsNameSaysOnlyWithThatReferenceOrExactlyThoseSettings() {
        SslNegotiationPolicy table = PredefinedSecurityPolicies.settingsOf("ELBSecurityPolicy-TLS-1-2-2017-01").orElseThrow();
        assertTrue(PredefinedSecurityPolicies.isWhatItsNameSays(table));
        assertTrue(PredefinedSecurityPolicies.isWhatItsNameSays(
                SslNegotiationPolicy.ofReference("ELBSecurityPolicy-TLS-1-2-2017-01", "ELBSecurityPolicy-TLS-1-2-2017-01")));
        assertFalse(PredefinedSecurityPolicies.isWhatItsNameSays(
                SslNegotiationPolicy.ofReference("ELBSecurityPolicy-TLS-1-2-2017-01", "ELBSecurityPolicy-2015-05")));
        List<String> withTls1 = new java.util.ArrayList<>(table.protocols());
        withTls1.add("TLSv1");
        assertFalse(PredefinedSecurityPolicies.isWhatItsNameSays(new SslNegotiationPolicy(table.name(), null, withTls1,
                table.ciphers(), true)));
        assertFalse(PredefinedSecurityPolicies.isWhatItsNameSays(new SslNegotiationPolicy(table.name(), null, table.protocols(),
                table.ciphers(), false)), "server order is part of it");
        assertFalse(PredefinedSecurityPolicies.isWhatItsNameSays(table.renamed("ELBSecurityPolicy-TLS-1-2-mine")),
                "AWS predefines no such name");
        assertTrue(PredefinedSecurityPolicies.isWhatItsNameSays(new SslNegotiationPolicy("ELBSecurityPolicy-2011-08", null,
                List.of("TLSv1"), List.of(), false)), "no values known: judged by its name");
    }
}
