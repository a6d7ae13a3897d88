package io.elbreconcile.emulator.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.elbreconcile.emulator.engine.EmulatorEngineTest.US_EAST_1;
import static io.elbreconcile.emulator.engine.EmulatorEngineTest.error;
import static io.elbreconcile.emulator.engine.EmulatorEngineTest.http;
import static io.elbreconcile.emulator.engine.EmulatorEngineTest.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine as a stand-in for AWS (PRODUCT.md section 14): worlds, default VPC, quotas, health. */
class EmulatorStandInEngineTest {

    private static final long NOW = 1_700_000_000_000L;

    private static World fleet(int count, Quotas quotas) {
        World world = World.empty();
        for (int i = 0; i < count; i++) {
            world = LoadBalancerActions.create(world, request("lb-" + i, http(80, 80)), US_EAST_1, quotas, NOW).world();
        }
        return world;
    }

    @Test
    void theLoadBalancerQuotaIsAwssTwentyUnlessRaised() {
        World twenty = fleet(20, Quotas.AWS_DEFAULTS);
        EngineException refused = assertThrows(EngineException.class, () -> LoadBalancerActions.create(twenty,
                request("lb-20", http(80, 80)), US_EAST_1, Quotas.AWS_DEFAULTS, NOW));
        assertEquals("TooManyLoadBalancers", refused.error().code());
        assertTrue(refused.getMessage().contains("20"), refused.getMessage());
        // An identical create of an existing one is no new load balancer, so the quota does not apply.
        assertEquals(twenty, LoadBalancerActions.create(twenty, request("lb-3", http(80, 80)), US_EAST_1,
                Quotas.AWS_DEFAULTS, NOW).world());
        Quotas raised = Quotas.AWS_DEFAULTS.with(Quotas.LOAD_BALANCERS, 21);
        assertEquals(21, LoadBalancerActions.create(twenty, request("lb-20", http(80, 80)), US_EAST_1, raised, NOW)
                .world().loadBalancers().size());
    }

    @Test
    void quotasAreReportedByTheirAwsNamesAndUnknownNamesAreRefused() {
        var page = Limits.describe(Quotas.AWS_DEFAULTS.with(Quotas.LISTENERS, 7), null, null);
        assertEquals(List.of(new Limits.Limit("classic-listeners", "7"), new Limits.Limit("classic-load-balancers", "20"),
                new Limits.Limit("classic-registered-instances", "1000")), page.items());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Quotas.AWS_DEFAULTS.with("classic-policies", 5));
        assertTrue(unknown.getMessage().contains("classic-load-balancers"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Quotas.AWS_DEFAULTS.with(Quotas.LOAD_BALANCERS, 0));
    }

    @Test
    void listenerAndInstanceQuotasFollowTheSettings() {
        World one = fleet(1, Quotas.AWS_DEFAULTS);
        Quotas two = Quotas.AWS_DEFAULTS.with(Quotas.LISTENERS, 2).with(Quotas.REGISTERED_INSTANCES, 1);
        assertEquals(EngineError.VALIDATION, error(() -> ListenerActions.create(one, "lb-0",
                List.of(http(81, 80), http(82, 80)), two)));
        assertEquals(EngineError.VALIDATION, error(() -> InstanceActions.register(one, "lb-0",
                List.of("i-12345678", "i-87654321"), two, NOW)));
    }

    @Test
    void worldsAreKeptApartByAccountAndRegion() {
        WorldKey west = WorldKey.of("us-west-2");
        WorldKey east2 = WorldKey.of("us-east-2");
        World made = LoadBalancerActions.create(World.empty(), request("web", http(80, 80)), west, Quotas.AWS_DEFAULTS, NOW).world();
        Worlds worlds = Worlds.empty().with(west, made);
        assertEquals(List.of("web"), List.copyOf(worlds.get(west).loadBalancers().keySet()));
        assertTrue(worlds.get(east2).loadBalancers().isEmpty());
        assertTrue(worlds.get(new WorldKey("210987654321", "us-west-2")).loadBalancers().isEmpty());
        // Empty worlds are not kept, so a caller cannot grow the state by naming regions.
        assertEquals(1, worlds.with(east2, World.empty()).byKey().size());
    }

    @Test
    void defaultVpcsDifferByRegionAndAreStable() {
        DefaultVpc east = DefaultVpc.of(US_EAST_1);
        DefaultVpc west = DefaultVpc.of(WorldKey.of("us-west-2"));
        assertNotEquals(east.vpcId(), west.vpcId());
        assertEquals(east.vpcId(), DefaultVpc.of(WorldKey.of("us-east-1")).vpcId());
        assertTrue(east.vpcId().matches("vpc-[0-9a-f]{8}"), east.vpcId());
        assertTrue(east.securityGroupId().matches("sg-[0-9a-f]{8}"), east.securityGroupId());
        assertEquals("us-east-1c", east.zoneOf(east.subnetFor("us-east-1c")));
        assertTrue(east.isDefaultSubnet(east.subnetFor("us-east-1f")));
    }

    @Test
    void zonesOfADefaultVpcLoadBalancerMoveItsDefaultSubnets() {
        DefaultVpc vpc = DefaultVpc.of(US_EAST_1);
        World world = fleet(1, Quotas.AWS_DEFAULTS);
        World wider = NetworkActions.enableZones(world, US_EAST_1, "lb-0", List.of("us-east-1b")).world();
        LoadBalancerState lb = wider.require("lb-0");
        assertEquals(List.of("us-east-1a", "us-east-1b"), lb.availabilityZones());
        assertEquals(vpc.subnetsFor(List.of("us-east-1a", "us-east-1b")).stream().sorted().toList(), lb.subnets());
        LoadBalancerState narrower = NetworkActions.disableZones(wider, US_EAST_1, "lb-0", List.of("us-east-1a"))
                .world().require("lb-0");
        assertEquals(List.of("us-east-1b"), narrower.availabilityZones());
        assertEquals(List.of(vpc.subnetFor("us-east-1b")), narrower.subnets());
        assertEquals(List.of("sg-0123abcd"), NetworkActions.applySecurityGroups(wider, "lb-0", List.of("sg-0123abcd")).result());
    }

    @Test
    void zonesOfAnotherVpcAreRefused() {
        var inVpc = new LoadBalancerActions.CreateRequest("vpc", List.of(http(80, 80)), List.of(), List.of("subnet-0a"),
                List.of("sg-1"), null, List.of());
        World world = LoadBalancerActions.create(World.empty(), inVpc, US_EAST_1, Quotas.AWS_DEFAULTS, NOW).world();
        assertEquals(EngineError.NOT_FOR_VPC, error(() -> NetworkActions.enableZones(world, US_EAST_1, "vpc", List.of("us-east-1b"))));
    }

    @Test
    void aCertificateOnAPlainListenerIsRefusedNotDropped() {
        String certificate = "arn:aws:iam::123456789012:server-certificate/web";
        assertEquals(EngineError.LISTENER_NOT_SECURE, error(() -> new ListenerSpec("TCP", 443, "TCP", 8443, certificate).toState()));
        assertEquals(EngineError.LISTENER_NOT_SECURE, error(() -> new ListenerSpec("HTTP", 80, null, 80, certificate).toState()));
        assertEquals(certificate, new ListenerSpec("SSL", 443, "TCP", 8443, certificate).toState().sslCertificateId());
    }

    @Test
    void instancesTurnInServiceAfterHealthyThresholdTimesIntervalScaled() {
        World registered = InstanceActions.register(fleet(1, Quotas.AWS_DEFAULTS), "lb-0", List.of("i-12345678"),
                Quotas.AWS_DEFAULTS, NOW).world();
        // The default check: 10 healthy checks 30 s apart = 300 s, at scale 0.01 = 3 s.
        var early = InstanceActions.health(registered, "lb-0", List.of(), NOW + 2_999, 0.01).get(0);
        assertEquals("OutOfService", early.state());
        assertEquals(InstanceActions.REGISTERING, early.description());
        assertEquals("ELB", early.reasonCode());
        assertEquals("InService", InstanceActions.health(registered, "lb-0", List.of(), NOW + 3_000, 0.01).get(0).state());
        assertEquals("OutOfService", InstanceActions.health(registered, "lb-0", List.of(), NOW + 3_000, 1).get(0).state());
        assertEquals("InService", InstanceActions.health(registered, "lb-0", List.of(), NOW, 0).get(0).state());
        // Registering again later keeps the first registration time.
        World again = InstanceActions.register(registered, "lb-0", List.of("i-12345678"), Quotas.AWS_DEFAULTS, NOW + 2_000).world();
        assertEquals("InService", InstanceActions.health(again, "lb-0", List.of(), NOW + 3_000, 0.01).get(0).state());
        // A faster health check passes sooner: 2 checks 5 s apart = 10 s, scaled 0.1 s.
        World fast = HealthCheckActions.configure(registered, "lb-0", new HealthCheckState("TCP:80", 5, 2, 2, 2)).world();
        assertEquals("InService", InstanceActions.health(fast, "lb-0", List.of(), NOW + 100, 0.01).get(0).state());
    }
}
