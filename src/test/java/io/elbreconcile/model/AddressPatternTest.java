package io.elbreconcile.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a {@code --target} covers, and which are refused. */
class AddressPatternTest {

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "LoadBalancer/web, LoadBalancer/web, true",
            "LoadBalancer/web, Listener/web/443, true",
            "LoadBalancer/web, Tags/web, true",
            "LoadBalancer/web, LBCookieStickinessPolicy/web/sticky, true",
            "LoadBalancer/web, HealthCheck/web-2, false",
            "LoadBalancer/web-*, HealthCheck/web-2, true",
            "LoadBalancer/web-*, HealthCheck/api, false",
            "LoadBalancer/*, Attributes/anything, true",
            "Listener/web/443, Listener/web/443, true",
            "Listener/web/443, Listener/web/80, false",
            "Listener/web/443, ListenerPolicies/web/443, false",
            "Listener/web/443, LoadBalancer/web, false",
            "Listener/web, Listener/web/80, true",
            "Listener/*/4*, Listener/api/443, true",
            "HealthCheck/api, HealthCheck/api, true",
            "HealthCheck/api, Tags/api, false",
            "LBCookieStickinessPolicy/web/s*, LBCookieStickinessPolicy/web/sticky, true",
            "LBCookieStickinessPolicy/web/s*, AppCookieStickinessPolicy/web/sticky, false"})
    void covers(String pattern, String address, boolean covered) {
        assertEquals(covered, AddressPattern.parse(pattern).covers(Address.parse(address)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Lisener/web/80 | unknown kind 'Lisener'",
            "web | not an address",
            "LoadBalancer/ | not an address",
            "LoadBalancer/web/80 | has no third part",
            "Tags/web/x | has no third part"})
    void malformedTargetsAreRefused(String pattern, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> AddressPattern.parse(pattern));
        assertTrue(refused.getMessage().contains(message), refused.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"LoadBalancer/web-*", "Listener/web/443", "Tags/*"})
    void printsAsParsed(String pattern) {
        assertEquals(pattern, AddressPattern.parse(pattern).toString());
    }
}
