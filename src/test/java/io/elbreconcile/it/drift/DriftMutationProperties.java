package io.elbreconcile.it.drift;

import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.it.Fleets;
import io.elbreconcile.it.Fleets.LbSpec;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.PublicKeys;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.ListenerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Any fleet, imported (so Git matches reality), then changed in one way behind Git's back:
 * drift reports exactly that one difference, with the right kind and address, and nothing else.
 */
class DriftMutationProperties {

    enum Mutation {
        ORPHAN_POLICY, HEALTH_CHECK, TAG, DETACH, DELETE_POLICY, DELETE_LISTENER, DELETE_LOAD_BALANCER, SSL_POLICY,
        BACKEND_REMOVED, BACKEND_ADDED, PUBLIC_KEY
    }

    private static EmulatorServer emulator;
    private static ElasticLoadBalancingClient elb;

    @BeforeContainer
    static void start() {
        emulator = EmulatorServer.start(EmulatorConfig.embedded(null));
        elb = ElbClients.forEndpoint(emulator.endpoint());
    }

    @AfterContainer
    static void stop() {
        elb.close();
        emulator.close();
    }

    @Property(tries = 30)
    void oneChangeIsOneLine(@ForAll("fleets") List<LbSpec> fleet, @ForAll Mutation mutation) throws IOException {
        emulator.reset();
        fleet.forEach(lb -> Fleets.build(elb, lb));
        Path dir = Files.createTempDirectory("drift-property");
        try {
            Cli.Result imported = Cli.against(emulator, "import", "--all", "--out", dir.toString());
            assertEquals(0, imported.code(), imported::toString);
            String expected = mutate(fleet.get(0).name(), mutation);
            Statistics.label("mutation as made").collect(expected.split(" ")[0] + " " + expected.split(" ")[1].split("/")[0]);

            long mutating = emulator.mutatingCallCount();
            Cli.Result drift = Cli.against(emulator, "drift", dir.toString());
            assertEquals(mutating, emulator.mutatingCallCount(), "drift only reads");
            assertEquals(2, drift.code(), () -> mutation + "\n" + drift);
            List<String> lines = drift.outLines();
            List<String> heads = lines.subList(0, lines.size() - 1).stream().map(DriftMutationProperties::head).toList();
            assertEquals(List.of(expected), heads, () -> mutation + "\n" + drift);
            assertEquals(true, lines.get(lines.size() - 1).startsWith("Drift: 1 difference ("), drift::toString);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Applies the mutation (or a simpler one where it does not apply) and returns the expected "kind address". */
    private static String mutate(String lb, Mutation mutation) {
        LoadBalancerDescription description = elb.describeLoadBalancers(r -> r.loadBalancerNames(lb)).loadBalancerDescriptions().get(0);
        List<String> cookiePolicies = new ArrayList<>();
        description.policies().lbCookieStickinessPolicies().forEach(p -> cookiePolicies.add(p.policyName()));
        description.policies().appCookieStickinessPolicies().forEach(p -> cookiePolicies.add(p.policyName()));
        Optional<ListenerDescription> withCookie = description.listenerDescriptions().stream()
                .filter(l -> l.policyNames().stream().anyMatch(cookiePolicies::contains)).findFirst();
        switch (mutation) {
            case ORPHAN_POLICY -> {
                elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName(lb).policyName("orphan-policy-from-elsewhere")
                        .cookieExpirationPeriod(42L));
                return "orphan LBCookieStickinessPolicy/" + lb + "/orphan-policy-from-elsewhere";
            }
            case HEALTH_CHECK -> {
                elb.configureHealthCheck(r -> r.loadBalancerName(lb).healthCheck(h -> h.target("TCP:65000").interval(7)
                        .timeout(2).healthyThreshold(3).unhealthyThreshold(3)));
                return "changed HealthCheck/" + lb;
            }
            case DETACH -> {
                if (withCookie.isPresent()) {
                    ListenerDescription listener = withCookie.get();
                    int port = listener.listener().loadBalancerPort();
                    List<String> rest = listener.policyNames().stream().filter(n -> !cookiePolicies.contains(n)).toList();
                    elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(lb).loadBalancerPort(port).policyNames(rest));
                    return "detached ListenerPolicies/" + lb + "/" + port;
                }
            }
            case DELETE_POLICY -> {
                if (!cookiePolicies.isEmpty()) {
                    String policy = cookiePolicies.get(0);
                    for (ListenerDescription listener : description.listenerDescriptions()) {
                        if (listener.policyNames().contains(policy)) {
                            List<String> rest = listener.policyNames().stream().filter(n -> !n.equals(policy)).toList();
                            elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(lb)
                                    .loadBalancerPort(listener.listener().loadBalancerPort()).policyNames(rest));
                        }
                    }
                    elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName(lb).policyName(policy));
                    boolean app = description.policies().appCookieStickinessPolicies().stream().anyMatch(p -> p.policyName().equals(policy));
                    return "missing " + (app ? "AppCookieStickinessPolicy/" : "LBCookieStickinessPolicy/") + lb + "/" + policy;
                }
            }
            case DELETE_LISTENER -> {
                int port = description.listenerDescriptions().get(0).listener().loadBalancerPort();
                elb.deleteLoadBalancerListeners(r -> r.loadBalancerName(lb).loadBalancerPorts(port));
                return "missing Listener/" + lb + "/" + port;
            }
            case SSL_POLICY -> {
                if (description.policies().otherPolicies().contains("tls-negotiation")) {
                    recreateWithOlderProtocols(lb, description);
                    return "changed SSLNegotiationPolicy/" + lb + "/tls-negotiation";
                }
            }
            case BACKEND_REMOVED -> {
                if (!description.backendServerDescriptions().isEmpty()) {
                    int port = description.backendServerDescriptions().get(0).instancePort();
                    elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(lb).instancePort(port).policyNames(List.of()));
                    return "detached BackendServerPolicies/" + lb + "/" + port;
                }
            }
            case BACKEND_ADDED -> {
                if (description.policies().otherPolicies().contains("proxy-protocol")
                        && description.backendServerDescriptions().stream().noneMatch(b -> b.instancePort() == 1)) {
                    elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(lb).instancePort(1).policyNames("proxy-protocol"));
                    return "changed BackendServerPolicies/" + lb + "/1";
                }
            }
            case PUBLIC_KEY -> {
                if (description.policies().otherPolicies().contains("backend-key")) {
                    recreateWithAnotherKey(lb, description);
                    return "changed PublicKeyPolicy/" + lb + "/backend-key";
                }
            }
            case DELETE_LOAD_BALANCER -> {
                elb.deleteLoadBalancer(r -> r.loadBalancerName(lb));
                return "missing LoadBalancer/" + lb;
            }
            default -> {
            }
        }
        // TAG, and the fallback where the load balancer has no cookie policy to detach or delete
        elb.addTags(r -> r.loadBalancerNames(lb).tags(Tag.builder().key("added-behind-gits-back").value("1").build()));
        return "changed Tags/" + lb;
    }

    /**
     * Someone re-creates the SSL negotiation policy under its name with TLS 1.0 allowed, moving its
     * listeners to a stand-in meanwhile and back after: only the policy's settings differ.
     */
    private static void recreateWithOlderProtocols(String lb, LoadBalancerDescription description) {
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName(lb).policyName("stand-in").policyTypeName("SSLNegotiationPolicyType")
                .policyAttributes(a -> a.attributeName("Reference-Security-Policy").attributeValue("ELBSecurityPolicy-2016-08")));
        List<ListenerDescription> users = description.listenerDescriptions().stream()
                .filter(l -> l.policyNames().contains("tls-negotiation")).toList();
        for (ListenerDescription listener : users) {
            List<String> swapped = listener.policyNames().stream().map(n -> n.equals("tls-negotiation") ? "stand-in" : n).toList();
            elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(lb).loadBalancerPort(listener.listener().loadBalancerPort())
                    .policyNames(swapped));
        }
        elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName(lb).policyName("tls-negotiation"));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName(lb).policyName("tls-negotiation").policyTypeName("SSLNegotiationPolicyType")
                .policyAttributes(a -> a.attributeName("Reference-Security-Policy").attributeValue("ELBSecurityPolicy-2015-05")));
        for (ListenerDescription listener : users) {
            elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(lb).loadBalancerPort(listener.listener().loadBalancerPort())
                    .policyNames(listener.policyNames()));
        }
        elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName(lb).policyName("stand-in"));
    }

    /**
     * Someone re-creates the public key policy under its name with another key: AWS refuses to
     * delete a key an enabled authentication policy names, so the authentication policy goes and
     * comes back with the same settings, its port on a stand-in meanwhile. Only the key differs.
     */
    private static void recreateWithAnotherKey(String lb, LoadBalancerDescription description) {
        int port = description.backendServerDescriptions().stream().filter(b -> b.policyNames().contains("backend-auth"))
                .findFirst().orElseThrow().instancePort();
        List<String> names = description.backendServerDescriptions().stream().filter(b -> b.instancePort() == port)
                .findFirst().orElseThrow().policyNames();
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName(lb).policyName("stand-in-key").policyTypeName("PublicKeyPolicyType")
                .policyAttributes(a -> a.attributeName("PublicKey").attributeValue(PublicKeys.SECOND)));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName(lb).policyName("stand-in-auth").policyTypeName("BackendServerAuthenticationPolicyType")
                .policyAttributes(a -> a.attributeName("PublicKeyPolicyName").attributeValue("stand-in-key")));
        List<String> swapped = names.stream().map(n -> n.equals("backend-auth") ? "stand-in-auth" : n).toList();
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(lb).instancePort(port).policyNames(swapped));
        elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName(lb).policyName("backend-auth"));
        elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName(lb).policyName("backend-key"));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName(lb).policyName("backend-key").policyTypeName("PublicKeyPolicyType")
                .policyAttributes(a -> a.attributeName("PublicKey").attributeValue(PublicKeys.SECOND)));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName(lb).policyName("backend-auth").policyTypeName("BackendServerAuthenticationPolicyType")
                .policyAttributes(a -> a.attributeName("PublicKeyPolicyName").attributeValue("backend-key")));
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(lb).instancePort(port).policyNames(names));
        elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName(lb).policyName("stand-in-auth"));
        elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName(lb).policyName("stand-in-key"));
    }

    private static String head(String line) {
        String[] words = line.trim().split("\\s+");
        return words[0] + " " + words[1];
    }

    @Provide
    Arbitrary<List<LbSpec>> fleets() {
        return Fleets.fleets();
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Arbitraries.of(Mutation.class);
    }
}
