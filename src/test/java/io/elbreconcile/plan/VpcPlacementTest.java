package io.elbreconcile.plan;

import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.Scheme;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static io.elbreconcile.plan.Fixtures.desired;
import static io.elbreconcile.plan.Fixtures.operationsInOrder;
import static io.elbreconcile.plan.Fixtures.plan;
import static io.elbreconcile.plan.Fixtures.tcp;
import static io.elbreconcile.plan.Fixtures.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A VPC load balancer is placed by its subnets; AWS also reports their zones, which are not declared. */
class VpcPlacementTest {

    private static DesiredLoadBalancer declared(List<String> subnets) {
        return new DesiredLoadBalancer("db", Scheme.INTERNAL, List.of(), subnets, List.of("sg-1"), List.of(tcp(5432)),
                null, null, new TreeMap<>(), false, List.of());
    }

    private static ObservedLoadBalancer reported(List<String> subnets, List<String> zones) {
        return new ObservedLoadBalancer("db", "db.elb", Scheme.INTERNAL, zones, subnets, List.of("sg-1"), List.of(tcp(5432)),
                List.of(), List.of(), HealthCheck.AWS_DEFAULT, new TreeMap<>(), Attributes.AWS_DEFAULT);
    }

    @Test
    void theZonesOfTheSubnetsAreNoChange() {
        Plan plan = plan(desired(declared(List.of("subnet-1", "subnet-2"))),
                world(reported(List.of("subnet-1", "subnet-2"), List.of("us-east-1a", "us-east-1b"))));
        assertEquals(List.of(), operationsInOrder(plan));
        Change lb = plan.changes().stream().filter(c -> c.address().toString().equals("LoadBalancer/db")).findFirst().orElseThrow();
        assertEquals(Action.NOOP, lb.action());
        assertEquals(lb.before(), lb.after(), "zones are not shown for a VPC load balancer");
    }

    @Test
    void aChangedSubnetMovesSubnetsOnlyNeverZones() {
        Plan plan = plan(desired(declared(List.of("subnet-1", "subnet-3"))),
                world(reported(List.of("subnet-1", "subnet-2"), List.of("us-east-1a", "us-east-1b"))));
        List<String> ops = operationsInOrder(plan);
        assertEquals(2, ops.size(), ops::toString);
        assertTrue(ops.get(0).startsWith("AttachLoadBalancerToSubnets"), ops::toString);
        assertTrue(ops.get(1).startsWith("DetachLoadBalancerFromSubnets"), ops::toString);
    }

    private static DesiredLoadBalancer byZones(List<String> zones) {
        return new DesiredLoadBalancer("db", Scheme.INTERNAL, zones, List.of(), List.of(), List.of(tcp(5432)),
                null, null, new TreeMap<>(), false, List.of());
    }

    @Test
    void aLoadBalancerPlacedByZonesIsNotChangedByTheDefaultSubnetsAndGroupAwsReports() {
        // AWS puts a zone-only load balancer in the default VPC and reports its default subnet and group.
        Plan plan = plan(desired(byZones(List.of("us-east-1a"))),
                world(reported(List.of("subnet-default-a"), List.of("us-east-1a"))));
        assertEquals(List.of(), operationsInOrder(plan));
        Change lb = plan.changes().stream().filter(c -> c.address().toString().equals("LoadBalancer/db")).findFirst().orElseThrow();
        assertEquals(Action.NOOP, lb.action());
        assertEquals(lb.before(), lb.after(), "shown by zones, as declared");
    }

    @Test
    void movingBetweenZonesAndSubnetsIsInPlaceNotAReplacement() {
        Plan toZones = plan(desired(byZones(List.of("us-east-1a", "us-east-1b"))),
                world(reported(List.of("subnet-default-a"), List.of("us-east-1a"))));
        assertEquals(List.of("EnableAvailabilityZonesForLoadBalancer"), operationsInOrder(toZones).stream()
                .map(op -> op.split("[ (]")[0]).toList());
        Plan toSubnets = plan(desired(declared(List.of("subnet-1"))),
                world(reported(List.of("subnet-default-a"), List.of("us-east-1a"))));
        List<String> ops = operationsInOrder(toSubnets);
        assertTrue(ops.stream().noneMatch(op -> op.startsWith("DeleteLoadBalancer")), ops::toString);
        assertTrue(ops.get(0).startsWith("AttachLoadBalancerToSubnets"), ops::toString);
    }
}
