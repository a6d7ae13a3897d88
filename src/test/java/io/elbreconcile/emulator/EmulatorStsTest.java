package io.elbreconcile.emulator;

import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator's STS through the real SDK: roles assumed, callers identified, worlds kept per account. */
@ExtendWith(EmulatorExtension.class)
class EmulatorStsTest {

    private static final AwsCredentialsProvider BASE = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBASE", "secret"));

    private static StsClient sts(EmulatorServer emulator, AwsCredentialsProvider credentials) {
        return StsClient.builder().endpointOverride(emulator.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static ElasticLoadBalancingClient elb(EmulatorServer emulator, AwsCredentialsProvider credentials) {
        return ElasticLoadBalancingClient.builder().endpointOverride(emulator.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void anAssumedRoleActsInTheRolesAccount(EmulatorServer emulator) {
        try (StsClient base = sts(emulator, BASE)) {
            assertEquals("123456789012", base.getCallerIdentity().account(), "base credentials: the default account");
            AssumeRoleResponse assumed = base.assumeRole(r -> r.roleArn("arn:aws:iam::210987654321:role/team/deployer")
                    .roleSessionName("ci-run").externalId("platform"));
            assertTrue(assumed.credentials().accessKeyId().matches("ASIA210987654321[A-Z0-9]{4}"), assumed.credentials().accessKeyId());
            assertEquals("arn:aws:sts::210987654321:assumed-role/deployer/ci-run", assumed.assumedRoleUser().arn());
            assertTrue(assumed.credentials().expiration().isAfter(java.time.Instant.now()));

            try (StsAssumeRoleCredentialsProvider role = StsAssumeRoleCredentialsProvider.builder().stsClient(base)
                    .refreshRequest(r -> r.roleArn("arn:aws:iam::210987654321:role/deployer").roleSessionName("ci")).build();
                 StsClient asRole = sts(emulator, role);
                 ElasticLoadBalancingClient roleElb = elb(emulator, role);
                 ElasticLoadBalancingClient baseElb = elb(emulator, BASE)) {
                GetCallerIdentityResponse identity = asRole.getCallerIdentity();
                assertEquals("210987654321", identity.account());
                roleElb.createLoadBalancer(r -> r.loadBalancerName("web").availabilityZones("eu-west-1a")
                        .listeners(l -> l.protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(80)));
                assertEquals(List.of("web"), roleElb.describeLoadBalancers().loadBalancerDescriptions().stream()
                        .map(LoadBalancerDescription::loadBalancerName).toList());
                assertEquals(List.of(), baseElb.describeLoadBalancers().loadBalancerDescriptions(), "another account's world");
                assertTrue(roleElb.describeLoadBalancers().loadBalancerDescriptions().get(0).sourceSecurityGroup().ownerAlias()
                        .equals("210987654321"), "the load balancer belongs to the role's account");
            }
        }
    }

    @Test
    void aMalformedRoleArnIsAValidationError(EmulatorServer emulator) {
        try (StsClient base = sts(emulator, BASE)) {
            StsException refused = assertThrows(StsException.class,
                    () -> base.assumeRole(r -> r.roleArn("arn:aws:iam::12:role/x").roleSessionName("ci")));
            assertEquals("ValidationError", refused.awsErrorDetails().errorCode());
            assertEquals(400, refused.statusCode());
        }
        assertEquals(0, emulator.mutatingCallCount());
    }
}
