package io.elbreconcile.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each predefined security policy enables, so that a policy carrying a predefined name on a
 * load balancer can be checked against it. Source: AWS, "User Guide for Classic Load Balancers",
 * page "Predefined SSL security policies for Classic Load Balancers" (elb-security-policy-table),
 * its table of protocols, Server Order Preference and ciphers. The page gives no values for
 * ELBSecurityPolicy-2014-10, -2014-01 and -2011-08, so none are known for them. The emulator keeps
 * its own copy of the table (no shared code between the two sides); a test compares them.
 */
public final class PredefinedSecurityPolicies {

    /** The ciphers ELBSecurityPolicy-2016-08 enables; the older policies add to them. */
    private static final List<String> CIPHERS_2016_08 = List.of(
            "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES128-SHA256",
            "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES128-SHA", "ECDHE-RSA-AES128-SHA", "ECDHE-ECDSA-AES256-GCM-SHA384",
            "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA",
            "ECDHE-ECDSA-AES256-SHA", "AES128-GCM-SHA256", "AES128-SHA256", "AES128-SHA", "AES256-GCM-SHA384",
            "AES256-SHA256", "AES256-SHA");

    private static final List<String> ALL_TLS = List.of("TLSv1", "TLSv1.1", "TLSv1.2");

    private static final Map<String, SslNegotiationPolicy> SETTINGS = Map.of(
            "ELBSecurityPolicy-TLS-1-2-2017-01", settings("ELBSecurityPolicy-TLS-1-2-2017-01", List.of("TLSv1.2"), List.of(
                    "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES128-SHA256",
                    "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
                    "ECDHE-ECDSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA384", "AES128-GCM-SHA256", "AES128-SHA256",
                    "AES256-GCM-SHA384", "AES256-SHA256")),
            "ELBSecurityPolicy-TLS-1-1-2017-01", settings("ELBSecurityPolicy-TLS-1-1-2017-01", List.of("TLSv1.1", "TLSv1.2"),
                    CIPHERS_2016_08),
            "ELBSecurityPolicy-2016-08", settings("ELBSecurityPolicy-2016-08", ALL_TLS, CIPHERS_2016_08),
            "ELBSecurityPolicy-2015-05", settings("ELBSecurityPolicy-2015-05", ALL_TLS, CIPHERS_2016_08, "DES-CBC3-SHA"),
            "ELBSecurityPolicy-2015-03", settings("ELBSecurityPolicy-2015-03", ALL_TLS, CIPHERS_2016_08,
                    "DHE-RSA-AES128-SHA", "DHE-DSS-AES128-SHA", "DES-CBC3-SHA"),
            "ELBSecurityPolicy-2015-02", settings("ELBSecurityPolicy-2015-02", ALL_TLS, CIPHERS_2016_08,
                    "DHE-RSA-AES128-SHA", "DHE-DSS-AES128-SHA"));

    private PredefinedSecurityPolicies() {
    }

    /** The predefined policy's protocols, ciphers and server order, when AWS's table gives them. */
    public static Optional<SslNegotiationPolicy> settingsOf(String predefinedName) {
        return Optional.ofNullable(SETTINGS.get(predefinedName));
    }

    /**
     * Whether a policy described on a load balancer under an AWS name is the predefined policy of
     * that name: made from it ({@code Reference-Security-Policy} = the name, as AWS describes the
     * ones it adds), or enabling exactly what the table says it does. A name AWS does not predefine
     * ({@code ELBSecurityPolicy-TLS-1-2-mine}) is never what it says, whatever a glob of names
     * would match. The predefined policies the table gives no values for, and AWS's
     * {@code ELBSample-*} ones (which no allow list accepts), cannot be checked: the name is all there is.
     */
    public static boolean isWhatItsNameSays(SslNegotiationPolicy described) {
        if (described.reference() != null) {
            return described.reference().equals(described.name());
        }
        Optional<SslNegotiationPolicy> expected = settingsOf(described.name());
        if (expected.isEmpty()) {
            return SecurityPolicies.PREDEFINED.contains(described.name()) || described.name().startsWith("ELBSample-");
        }
        return expected.get().protocols().equals(described.protocols()) && expected.get().ciphers().equals(described.ciphers())
                && expected.get().serverOrderPreference() == described.serverOrderPreference();
    }

    private static SslNegotiationPolicy settings(String name, List<String> protocols, List<String> ciphers, String... more) {
        List<String> all = new ArrayList<>(ciphers);
        all.addAll(Arrays.asList(more));
        return new SslNegotiationPolicy(name, null, protocols, all, true);
    }
}
