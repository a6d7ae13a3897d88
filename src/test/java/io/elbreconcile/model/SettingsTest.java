package io.elbreconcile.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings.allowedSslPolicies: which security policies a list of globs allows. */
class SettingsTest {

    private static Settings allowing(String... globs) {
        return new Settings(List.of(), Arrays.stream(globs).map(Glob::new).toList());
    }

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "ELBSecurityPolicy-TLS-1-2-*              | ELBSecurityPolicy-TLS-1-2-2017-01 | true",
            "ELBSecurityPolicy-TLS-1-2-*              | ELBSecurityPolicy-TLS-1-1-2017-01 | false",
            "ELBSecurityPolicy-TLS-*                  | ELBSecurityPolicy-TLS-1-1-2017-01 | true",
            "ELBSecurityPolicy-TLS-*                  | ELBSecurityPolicy-2016-08         | false",
            "ELBSecurityPolicy-2016-08                | ELBSecurityPolicy-2016-08         | true",
            "ELBSecurityPolicy-2016-08                | ELBSecurityPolicy-2016-080        | false",
            "ELBSecurityPolicy-*                      | custom                            | false",
            "custom                                   | custom                            | true",
            "*                                        | custom                            | true",
            "elbsecuritypolicy-*                      | ELBSecurityPolicy-2016-08         | false",
            "ELBSecurityPolicy-201*-08                | ELBSecurityPolicy-2011-08         | true",
    })
    void aGlobMatchesTheWholeNameCaseSensitively(String glob, String policy, boolean allowed) {
        assertEquals(allowed, allowing(glob).allowsSslPolicy(Optional.of(policy)));
    }

    @Test
    void noListAllowsEveryPolicyAndAListNeverAllowsAListenerWithoutOne() {
        Settings none = Settings.defaults();
        assertFalse(none.restrictsSslPolicies());
        SecurityPolicies.allowListVocabulary().forEach(p -> assertTrue(none.allowsSslPolicy(Optional.of(p)), p));
        assertTrue(none.allowsSslPolicy(Optional.empty()), "no list, nothing to enforce");
        assertFalse(allowing("*").allowsSslPolicy(Optional.empty()), "under a list, a listener must show its policy");
    }

    /** Each name of the vocabulary, as a glob, allows exactly itself: no name is a glob of another. */
    @Test
    void eachNameAllowsItselfAlone() {
        for (String name : SecurityPolicies.allowListVocabulary()) {
            Settings settings = allowing(name);
            List<String> allowed = SecurityPolicies.allowListVocabulary().stream()
                    .filter(p -> settings.allowsSslPolicy(Optional.of(p))).toList();
            assertEquals(List.of(name), allowed);
        }
    }

    @Test
    void anExplicitPolicyIsCustomAndAReferencePolicyIsItsReference() {
        assertEquals("custom", SecurityPolicies.securityPolicyOf(
                new SslNegotiationPolicy("p", null, List.of("TLSv1.2"), List.of("AES128-SHA"), true)));
        assertEquals("ELBSecurityPolicy-2015-05", SecurityPolicies.securityPolicyOf(
                SslNegotiationPolicy.ofReference("p", "ELBSecurityPolicy-2015-05")));
        assertEquals(SecurityPolicies.DEFAULT, SecurityPolicies.PREDEFINED.get(2), "the default is a predefined policy");
    }
}
