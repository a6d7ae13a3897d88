package io.elbreconcile.emulator.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure transitions of load balancers, listeners, tags, paging and attributes: no HTTP involved. */
class EmulatorEngineTest {
    private static final long NOW = 1_700_000_000_000L;

    static LoadBalancerActions.CreateRequest request(String name, ListenerSpec... listeners) {
        return new LoadBalancerActions.CreateRequest(name, List.of(listeners), List.of("us-east-1a"), List.of(),
                List.of(), null, List.of());
    }

    static final WorldKey US_EAST_1 = WorldKey.of("us-east-1");

    static ListenerSpec http(int port, int instancePort) {
        return new ListenerSpec("HTTP", port, null, instancePort, null);
    }

    static World seeded() {
        return LoadBalancerActions.create(World.empty(), request("my-load-balancer", http(80, 8080)), US_EAST_1, Quotas.AWS_DEFAULTS, NOW).world();
    }

    @Test
    void createGivesDefaultsAndLeavesTheOldWorldAlone() {
        World empty = World.empty();
        Transition<String> created = LoadBalancerActions.create(empty, request("my-load-balancer", http(80, 8080)), US_EAST_1, Quotas.AWS_DEFAULTS, NOW);
        assertTrue(empty.loadBalancers().isEmpty());
        LoadBalancerState lb = created.world().require("my-load-balancer");
        assertEquals(created.result(), lb.dnsName());
        assertTrue(lb.dnsName().matches("my-load-balancer-\\d{10}\\.us-east-1\\.elb\\.amazonaws\\.com"), lb.dnsName());
        assertEquals(HealthCheckState.DEFAULT, lb.healthCheck());
        assertEquals(AttributesState.DEFAULT, lb.attributes());
        assertEquals(300, lb.attributes().drainingTimeout());
        assertEquals("HTTP", lb.listeners().get(0).instanceProtocol());
        assertEquals("internet-facing", lb.scheme());
        // Zones only: the region's default VPC, its default subnet in the zone, its default group.
        DefaultVpc vpc = DefaultVpc.of(US_EAST_1);
        assertEquals(vpc.vpcId(), lb.vpcId());
        assertEquals(List.of(vpc.subnetFor("us-east-1a")), lb.subnets());
        assertEquals(List.of(vpc.securityGroupId()), lb.securityGroups());
    }

    @Test
    void aVpcLoadBalancersZonesFollowItsSubnets() {
        var vpc = new LoadBalancerActions.CreateRequest("vpc", List.of(http(80, 8080)), List.of(), List.of("subnet-0a"),
                List.of("sg-1"), "internal", List.of());
        World world = LoadBalancerActions.create(World.empty(), vpc, WorldKey.of("eu-west-1"), Quotas.AWS_DEFAULTS, NOW).world();
        List<String> first = world.require("vpc").availabilityZones();
        assertEquals(1, first.size());
        assertTrue(first.get(0).matches("eu-west-1[a-c]"), first.toString());
        List<String> more = List.of("subnet-0b", "subnet-0c", "subnet-0d", "subnet-0e");
        World attached = NetworkActions.attachSubnets(world, WorldKey.of("eu-west-1"), "vpc", more).world();
        LoadBalancerState lb = attached.require("vpc");
        assertEquals(DefaultVpc.of(WorldKey.of("eu-west-1")).zonesOf(lb.subnets()).stream().sorted().toList(),
                lb.availabilityZones().stream().sorted().toList());
        assertEquals(lb.availabilityZones().stream().distinct().count(), lb.availabilityZones().size(), "each zone once");
        assertTrue(lb.availabilityZones().size() > 1, lb.availabilityZones().toString());
        World detached = NetworkActions.detachSubnets(attached, WorldKey.of("eu-west-1"), "vpc", more).world();
        assertEquals(first, detached.require("vpc").availabilityZones());
    }

    @Test
    void identicalCreateReturnsTheSameDnsNameAndADifferentOneIsRefused() {
        World world = seeded();
        Transition<String> again = LoadBalancerActions.create(world, request("my-load-balancer", http(80, 8080)), US_EAST_1, Quotas.AWS_DEFAULTS, NOW + 5);
        assertSame(world, again.world());
        assertEquals(world.require("my-load-balancer").dnsName(), again.result());

        var tagged = new LoadBalancerActions.CreateRequest("my-load-balancer", List.of(http(80, 8080)), List.of("us-east-1a"),
                List.of(), List.of(), null, List.of(new Tag("env", "dev")));
        EngineException e = assertThrows(EngineException.class, () -> LoadBalancerActions.create(world, tagged, US_EAST_1, Quotas.AWS_DEFAULTS, NOW));
        assertEquals(EngineError.DUPLICATE_LOAD_BALANCER_NAME, e.error());
        assertTrue(e.getMessage().endsWith("configured with different tags."), e.getMessage());
    }

    @Test
    void namesFollowTheServiceRules() {
        assertEquals(EngineError.LOAD_BALANCER_NAME_TOO_LONG, error(() -> Names.checkLoadBalancerName("a".repeat(33))));
        assertEquals(EngineError.LOAD_BALANCER_NAME_CHARACTERS, error(() -> Names.checkLoadBalancerName("a b")));
        assertEquals(EngineError.LOAD_BALANCER_NAME_HYPHEN, error(() -> Names.checkLoadBalancerName("lb-")));
        assertEquals(EngineError.POLICY_NAME_CHARACTERS, error(() -> Names.checkPolicyName("p_1")));
        Names.checkLoadBalancerName("a".repeat(32));
        Names.checkPolicyName("my-duration-cookie-policy");
        assertEquals("LoadBalancer name cannot contain characters that are not letters, or digits or the dash.",
                EngineError.LOAD_BALANCER_NAME_CHARACTERS.message());
    }

    @Test
    void listenerDefaultsAndProtocolRules() {
        assertEquals("HTTP", new ListenerSpec("https", 443, null, 80, "arn:aws:iam::1:server-certificate/c").toState().instanceProtocol());
        assertEquals("TCP", new ListenerSpec("SSL", 443, null, 80, "arn:aws:acm:us-east-1:1:certificate/c").toState().instanceProtocol());
        assertEquals(EngineError.VALIDATION, error(() -> new ListenerSpec("HTTP", 80, "TCP", 80, null).toState()));
        assertEquals(EngineError.VALIDATION, error(() -> new ListenerSpec("HTTPS", 443, null, 80, null).toState()));
        assertEquals(EngineError.UNSUPPORTED_PROTOCOL, error(() -> new ListenerSpec("UDP", 53, null, 53, null).toState()));
        assertEquals(EngineError.VALIDATION, error(() -> http(0, 80).toState()));
    }

    @Test
    void listenersIdenticalAreANoOpAndConflictingAreDuplicates() {
        World world = seeded();
        World same = ListenerActions.create(world, "my-load-balancer", List.of(http(80, 8080)), Quotas.AWS_DEFAULTS);
        assertEquals(world.require("my-load-balancer").listeners(), same.require("my-load-balancer").listeners());
        assertEquals(EngineError.DUPLICATE_LISTENER,
                error(() -> ListenerActions.create(world, "my-load-balancer", List.of(http(80, 9090)), Quotas.AWS_DEFAULTS)));
        World more = ListenerActions.create(world, "my-load-balancer", List.of(http(8081, 8080), http(81, 8080)), Quotas.AWS_DEFAULTS);
        assertEquals(List.of(80, 81, 8081), more.require("my-load-balancer").listeners().stream()
                .map(ListenerState::loadBalancerPort).toList());
        World fewer = ListenerActions.delete(more, "my-load-balancer", List.of(81, 9999));
        assertEquals(List.of(80, 8081), fewer.require("my-load-balancer").listeners().stream()
                .map(ListenerState::loadBalancerPort).toList());
    }

    @Test
    void pagesAreSortedAndAMarkerSurvivesDeletionsBeforeIt() {
        World built = World.empty();
        for (int i = 0; i < 10; i++) {
            built = LoadBalancerActions.create(built, request("lb-" + i, http(80, 80)), US_EAST_1, Quotas.AWS_DEFAULTS, NOW).world();
        }
        World world = built;
        Paging.Page<LoadBalancerState> first = LoadBalancerActions.describe(world, List.of(), null, 4);
        assertEquals(List.of("lb-0", "lb-1", "lb-2", "lb-3"), first.items().stream().map(LoadBalancerState::name).toList());
        World smaller = LoadBalancerActions.delete(world, "lb-1");
        Paging.Page<LoadBalancerState> second = LoadBalancerActions.describe(smaller, List.of(), first.nextMarker(), 4);
        assertEquals("lb-4", second.items().get(0).name());
        Paging.Page<LoadBalancerState> last = LoadBalancerActions.describe(smaller, List.of(), second.nextMarker(), 4);
        assertEquals(List.of("lb-8", "lb-9"), last.items().stream().map(LoadBalancerState::name).toList());
        assertNull(last.nextMarker());
        assertEquals(EngineError.VALIDATION, error(() -> LoadBalancerActions.describe(World.empty(), List.of(), null, 0)));
        assertEquals(EngineError.VALIDATION, error(() -> LoadBalancerActions.describe(World.empty(), List.of(), null, 401)));
        assertEquals(EngineError.LOAD_BALANCER_NOT_FOUND, error(() -> LoadBalancerActions.describe(world, List.of("lb-1", "x"), null, null)));
    }

    @Test
    void tagsUpsertAndRespectTheQuota() {
        World world = TagActions.add(seeded(), List.of("my-load-balancer"), List.of(new Tag("a", "1"), new Tag("b", "2")));
        world = TagActions.add(world, List.of("my-load-balancer"), List.of(new Tag("a", "3")));
        assertEquals(List.of(new Tag("a", "3"), new Tag("b", "2")), world.require("my-load-balancer").tags());
        World full = TagActions.add(seeded(), List.of("my-load-balancer"),
                IntStream.range(0, 50).mapToObj(i -> new Tag("k" + i, "")).toList());
        assertEquals(EngineError.TOO_MANY_TAGS, error(() -> TagActions.add(full, List.of("my-load-balancer"), List.of(new Tag("one-more", "")))));
        assertEquals(EngineError.VALIDATION, error(() -> TagActions.add(full, List.of("a", "b"), List.of(new Tag("x", "")))));
        assertEquals(EngineError.VALIDATION, error(() -> TagActions.add(full, List.of("my-load-balancer"), List.of(new Tag("aws:x", "")))));
    }

    @Test
    void tagsTakeLettersOfAnyScriptDigitsSpacesAndTheModelsSymbolsOnly() {
        Tag allowed = new Tag("Équipe 2_a.b:c/d=e+f-g@h", "Ünïcode value 42 _.:/=+-@");
        World world = TagActions.add(seeded(), List.of("my-load-balancer"), List.of(allowed));
        assertEquals(List.of(allowed), world.require("my-load-balancer").tags());
        for (String bad : List.of("a#b", "a*b", "a,b", "a\tb", "a<b>", "a&b", "a\"b")) {
            assertEquals(EngineError.VALIDATION, error(() -> TagActions.add(seeded(), List.of("my-load-balancer"), List.of(new Tag(bad, "v")))), bad);
            assertEquals(EngineError.VALIDATION, error(() -> TagActions.add(seeded(), List.of("my-load-balancer"), List.of(new Tag("k", bad)))), bad);
        }
    }

    @Test
    void modifyChangesOnlyTheGroupsSent() {
        World world = seeded();
        var change = new AttributeActions.Change(null, null, true, null, null, null);
        AttributesState next = AttributeActions.modify(world, "my-load-balancer", change).result();
        assertTrue(next.drainingEnabled());
        assertEquals(300, next.drainingTimeout());
        assertEquals(60, next.idleTimeout());
        assertEquals(EngineError.VALIDATION, error(() -> AttributeActions.modify(world, "my-load-balancer",
                new AttributeActions.Change(null, null, null, null, 0, null))));
        assertEquals(EngineError.INVALID_ATTRIBUTE_VALUE, error(() -> AttributeActions.modify(world, "my-load-balancer",
                new AttributeActions.Change(null, null, null, null, null,
                        List.of(new PolicyAttribute(AttributesState.DESYNC_MODE, "lenient"))))));
    }

    @Test
    void instancesAndZones() {
        World world = InstanceActions.register(seeded(), "my-load-balancer", List.of("i-12345678", "i-12345678"),
                Quotas.AWS_DEFAULTS, NOW).world();
        assertEquals(List.of("i-12345678"), world.require("my-load-balancer").instances());
        assertEquals(EngineError.INSTANCE_NOT_REGISTERED,
                error(() -> InstanceActions.health(seeded(), "my-load-balancer", List.of("i-12345678"), NOW, 0.01)));
        Transition<List<String>> zones = NetworkActions.enableZones(world, US_EAST_1, "my-load-balancer", List.of("us-east-1b"));
        assertEquals(List.of("us-east-1a", "us-east-1b"), zones.result());
        assertEquals(EngineError.LAST_ZONE, error(() -> NetworkActions.disableZones(world, US_EAST_1, "my-load-balancer", List.of("us-east-1a"))));
        assertNotEquals(world, zones.world());
    }

    static EngineError error(Runnable call) {
        return assertThrows(EngineException.class, call::run).error();
    }
}
