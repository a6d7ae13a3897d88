package io.elbreconcile.emulator;

import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import io.elbreconcile.testing.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.elbreconcile.testing.PolicyAttributes.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Back-end policies against the emulator and moto, as {@link EmulatorMotoDifferentialTest} does for
 * cookie policies: what both report alike must be equal; where moto 5.2.1 accepts what AWS refuses,
 * the emulator is held to AWS on every run and moto's recorded answer is checked when moto is installed.
 */
@ExtendWith({EmulatorExtension.class, MotoServer.class})
class EmulatorMotoBackendServerTest {
    private static final String LB = "my-load-balancer";

    @Test
    void proxyProtocolOnABackEndPortIsObservedAlikeOnBoth(EmulatorServer emulator, MotoServer.Endpoint moto) {
        moto.reset();
        assertEquals(agreedScenario(moto.uri()), agreedScenario(emulator.endpoint()));
    }

    /** One check: AWS's answer, with its source, and moto 5.2.1's instead ("ok" or "code/status"). */
    private record Divergence(String check, String aws, String moto521, String source) {
    }

    private static final List<Divergence> DIVERGENCES = List.of(
            new Divergence("authentication naming a missing key", "InvalidConfigurationRequest/409", "ok",
                    "BackendServerAuthenticationPolicyType's description; 409 is CreateLoadBalancerPolicy's documented error"),
            new Divergence("public key policy on a port", "InvalidConfigurationRequest/409", "ok",
                    "PublicKeyPolicyType's description: never applied directly to back-end servers"),
            new Divergence("authentication on a plain TCP port", "InvalidConfigurationRequest/409", "ok",
                    "BackendServerAuthenticationPolicyType's description: back-end servers using HTTPS/SSL only"),
            new Divergence("unknown policy on a port", "PolicyNotFound/400", "ok", "reference 6.2"),
            new Divergence("delete a policy enabled on a port", "InvalidConfigurationRequest/409", "ok", "fact 4"));

    @Test
    void whereMotoDiffersTheEmulatorFollowsAws(EmulatorServer emulator) {
        Map<String, String> aws = new LinkedHashMap<>();
        DIVERGENCES.forEach(d -> aws.put(d.check(), d.aws()));
        assertEquals(aws, divergentScenario(emulator.endpoint()), "the emulator must answer as AWS does (see DIVERGENCES)");
    }

    @Test
    void motoAnswersAsRecordedOrAsAws(MotoServer.Endpoint moto) {
        moto.reset();
        Map<String, String> theirs = divergentScenario(moto.uri());
        assertEquals(DIVERGENCES.stream().map(Divergence::check).toList(), List.copyOf(theirs.keySet()));
        for (Divergence d : DIVERGENCES) {
            String answer = theirs.get(d.check());
            assertTrue(answer.equals(d.moto521()) || answer.equals(d.aws()), () -> d.check() + ": moto answered " + answer
                    + ", neither the recorded " + d.moto521() + " nor AWS's " + d.aws() + "; update DIVERGENCES");
        }
    }

    private static List<String> agreedScenario(URI endpoint) {
        List<String> seen = new ArrayList<>();
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(endpoint)) {
            createSeed(elb);
            elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("proxy").policyTypeName("ProxyProtocolPolicyType")
                    .policyAttributes(attribute("ProxyProtocol", "true")));
            elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(LB).instancePort(8080).policyNames("proxy"));
            seen.add(observe(elb));
            seen.add(elb.describeLoadBalancerPolicies(r -> r.loadBalancerName(LB)).policyDescriptions().toString());
            elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(LB).instancePort(8080).policyNames(List.of()));
            seen.add(observe(elb));
            elb.deleteLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("proxy"));
            seen.add(observe(elb));
        }
        return seen;
    }

    private static Map<String, String> divergentScenario(URI endpoint) {
        Map<String, String> out = new LinkedHashMap<>();
        try (ElasticLoadBalancingClient elb = ElbClients.forEndpoint(endpoint)) {
            createSeed(elb);
            out.put("authentication naming a missing key", outcome(() -> createAuth(elb, "auth-missing", "missing")));
            elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("key").policyTypeName("PublicKeyPolicyType")
                    .policyAttributes(attribute("PublicKey", "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ")));
            createAuth(elb, "auth", "key");
            out.put("public key policy on a port", outcome(() -> elb.setLoadBalancerPoliciesForBackendServer(r -> r
                    .loadBalancerName(LB).instancePort(9000).policyNames("key"))));
            out.put("authentication on a plain TCP port", outcome(() -> elb.setLoadBalancerPoliciesForBackendServer(r -> r
                    .loadBalancerName(LB).instancePort(9000).policyNames("auth"))));
            out.put("unknown policy on a port", outcome(() -> elb.setLoadBalancerPoliciesForBackendServer(r -> r
                    .loadBalancerName(LB).instancePort(7000).policyNames("nope"))));
            elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName("proxy").policyTypeName("ProxyProtocolPolicyType")
                    .policyAttributes(attribute("ProxyProtocol", "true")));
            elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName(LB).instancePort(8080).policyNames("proxy"));
            out.put("delete a policy enabled on a port", outcome(() -> elb.deleteLoadBalancerPolicy(r -> r
                    .loadBalancerName(LB).policyName("proxy"))));
        }
        return out;
    }

    private static void createAuth(ElasticLoadBalancingClient elb, String name, String key) {
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName(LB).policyName(name).policyTypeName("BackendServerAuthenticationPolicyType")
                .policyAttributes(attribute("PublicKeyPolicyName", key)));
    }

    /** The port lists (a port whose list was emptied counts as none: moto drops it) and the policy names. */
    private static String observe(ElasticLoadBalancingClient elb) {
        List<String> out = new ArrayList<>();
        for (LoadBalancerDescription lb : elb.describeLoadBalancers().loadBalancerDescriptions()) {
            lb.backendServerDescriptions().stream().filter(b -> !b.policyNames().isEmpty())
                    .forEach(b -> out.add("instance port " + b.instancePort() + " " + b.policyNames()));
            out.add("others " + lb.policies().otherPolicies());
        }
        return String.join("\n", out);
    }

    private static void createSeed(ElasticLoadBalancingClient elb) {
        elb.createLoadBalancer(r -> r.loadBalancerName(LB).availabilityZones("us-east-1a")
                .listeners(listener(80, 8080), listener(9000, 9000)));
    }

    private static Listener listener(int port, int instancePort) {
        return Listener.builder().protocol("TCP").loadBalancerPort(port).instanceProtocol("TCP").instancePort(instancePort).build();
    }

    private static String outcome(Runnable call) {
        try {
            call.run();
            return "ok";
        } catch (AwsServiceException e) {
            return e.awsErrorDetails().errorCode() + "/" + e.statusCode();
        }
    }
}
