package io.elbreconcile.it.importer;

import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.it.ImportRoundTrip;
import io.elbreconcile.testing.ElbClients;
import io.elbreconcile.testing.EmulatorExtension;
import io.elbreconcile.testing.PublicKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.io.IOException;
import java.nio.file.Path;

import static io.elbreconcile.it.importer.ImportCommandTest.ACM_CERT;
import static io.elbreconcile.testing.PolicyAttributes.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Import writes proxy protocol, public key and back-end authentication policies and backendServers; plan on it is empty. */
@ExtendWith(EmulatorExtension.class)
class ImportBackendServerTest {

    @TempDir
    Path dir;

    @Test
    void everyBackEndKindAndThePortListsRoundTripToAnEmptyPlan(EmulatorServer emulator) throws IOException {
        ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint());
        elb.createLoadBalancer(r -> r.loadBalancerName("shop").availabilityZones("us-east-1a").listeners(
                l -> l.protocol("TCP").loadBalancerPort(80).instanceProtocol("TCP").instancePort(8080),
                l -> l.protocol("SSL").loadBalancerPort(443).instanceProtocol("SSL").instancePort(8443).sslCertificateId(ACM_CERT)));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("shop").policyName("proxy").policyTypeName("ProxyProtocolPolicyType")
                .policyAttributes(attribute("ProxyProtocol", "true")));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("shop").policyName("key-a").policyTypeName("PublicKeyPolicyType")
                .policyAttributes(attribute("PublicKey", PublicKeys.FIRST)));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("shop").policyName("key-b").policyTypeName("PublicKeyPolicyType")
                .policyAttributes(attribute("PublicKey", PublicKeys.SECOND)));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("shop").policyName("auth").policyTypeName("BackendServerAuthenticationPolicyType")
                .policyAttributes(attribute("PublicKeyPolicyName", "key-b"), attribute("PublicKeyPolicyName", "key-a")));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("shop").policyName("spare-proxy").policyTypeName("ProxyProtocolPolicyType")
                .policyAttributes(attribute("ProxyProtocol", "true")));
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName("shop").instancePort(8080).policyNames("proxy"));
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName("shop").instancePort(8443).policyNames("auth"));
        Path out = dir.resolve("imported");

        String yaml = ImportRoundTrip.importAll(emulator, out, "shop.yaml");

        assertTrue(yaml.contains("backendServers:\n    - instancePort: 8080\n      policies: [proxy]\n    - instancePort: 8443\n      policies: [auth]\n"), yaml);
        assertTrue(yaml.contains("kind: ProxyProtocolPolicy\nmetadata:\n  name: proxy\n"), yaml);
        assertTrue(yaml.contains("kind: BackendServerAuthenticationPolicy\nmetadata:\n  name: auth\n"), yaml);
        assertTrue(yaml.contains("publicKeyPolicies: [key-a, key-b]"), yaml);
        assertTrue(yaml.contains(PublicKeys.FIRST) && yaml.contains(PublicKeys.SECOND), yaml);
        assertTrue(yaml.contains("name: spare-proxy"), "enabled nowhere, still imported (else an orphan): " + yaml);
        assertEquals(1, yaml.split("# enabled on no listener or instance port", -1).length - 1,
                "only spare-proxy is enabled nowhere; a key an authentication policy names is in use: " + yaml);
        assertTrue(yaml.contains("# AWS's own predefined SSL policies, kept: ELBSecurityPolicy-2016-08\n"), "only AWS's own policy stays a comment: " + yaml);
        ImportRoundTrip.assertValidAndUnchanged(emulator, out, yaml);
    }

    /**
     * ProxyProtocolPolicyType operates on TCP and SSL listeners only: on a port reached only by HTTP
     * and HTTPS listeners AWS accepts the policy but sends no header. Such a load balancer imports
     * to an empty plan that warns of it; a port a TCP listener reaches gets no warning.
     */
    @Test
    void proxyProtocolOnAPortReachedOnlyOverHttpImportsToAnEmptyPlanThatWarns(EmulatorServer emulator) throws IOException {
        ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint());
        elb.createLoadBalancer(r -> r.loadBalancerName("web").availabilityZones("us-east-1a").listeners(
                l -> l.protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(8080),
                l -> l.protocol("HTTPS").loadBalancerPort(443).instanceProtocol("HTTP").instancePort(8080).sslCertificateId(ACM_CERT),
                l -> l.protocol("TCP").loadBalancerPort(81).instanceProtocol("TCP").instancePort(8081)));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("web").policyName("proxy").policyTypeName("ProxyProtocolPolicyType")
                .policyAttributes(attribute("ProxyProtocol", "true")));
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName("web").instancePort(8080).policyNames("proxy"));
        elb.setLoadBalancerPoliciesForBackendServer(r -> r.loadBalancerName("web").instancePort(8081).policyNames("proxy"));
        Path out = dir.resolve("imported");
        assertEquals(0, Cli.against(emulator, "import", "--all", "--out", out.toString()).code());
        long writes = emulator.mutatingCallCount();

        Cli.Result plan = Cli.against(emulator, "plan", out.toString(), "--detailed-exitcode");

        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().contains("! BackendServerPolicies/web/8080 enables proxy protocol policy proxy, but only HTTP/HTTPS"
                + " listeners reach it, and AWS sends the proxy protocol header on TCP and SSL listeners only;"
                + " use a TCP or SSL listener to get one"), plan::toString);
        assertFalse(plan.out().contains("BackendServerPolicies/web/8081 enables"), "a TCP listener's port gets its header: " + plan);
        assertEquals(writes, emulator.mutatingCallCount());
    }
}
