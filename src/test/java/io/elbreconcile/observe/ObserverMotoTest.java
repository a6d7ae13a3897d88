package io.elbreconcile.observe;

import io.elbreconcile.aws.CallStats;
import io.elbreconcile.aws.SdkElbPort;
import io.elbreconcile.aws.TargetSettings;
import io.elbreconcile.model.AppCookiePolicy;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.ConnectionDraining;
import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.model.PolicyAttachment;
import io.elbreconcile.model.Protocol;
import io.elbreconcile.model.ReservedTags;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.plan.operation.CreateAppCookiePolicy;
import io.elbreconcile.plan.operation.CreateLbCookiePolicy;
import io.elbreconcile.plan.operation.CreateLoadBalancer;
import io.elbreconcile.plan.operation.ModifyAttributes;
import io.elbreconcile.plan.operation.SetListenerPolicies;
import io.elbreconcile.testing.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The observer through the real SDK adapter against moto: normalised state, call counts. */
@ExtendWith(MotoServer.class)
class ObserverMotoTest {

    private static final Listener HTTP_80 = new Listener(Protocol.HTTP, 80, Protocol.HTTP, 8080, null, List.of());

    private static SdkElbPort connect(MotoServer.Endpoint moto) {
        moto.reset();
        return SdkElbPort.connect(TargetSettings.defaults().withEndpointUrl(moto.uri().toString()), Map.of());
    }

    private static void create(SdkElbPort port, String name, Map<String, String> tags) {
        port.write(new CreateLoadBalancer(name, Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(), List.of(),
                List.of(HTTP_80), new TreeMap<>(tags)));
    }

    private static DesiredLoadBalancer declared(String name, Attributes attributes) {
        return new DesiredLoadBalancer(name, Scheme.INTERNET_FACING, List.of("us-east-1a"), List.of(), List.of(),
                List.of(HTTP_80), null, attributes, new TreeMap<>(), false, List.of());
    }

    @Test
    void theSeedPolicyIsObservedAsDeclared(MotoServer.Endpoint moto) {
        try (SdkElbPort port = connect(moto)) {
            create(port, "my-load-balancer", Map.of("team", "web"));
            port.write(new CreateLbCookiePolicy("my-load-balancer", "my-duration-cookie-policy", 60));
            port.write(new CreateAppCookiePolicy("my-load-balancer", "app", "SESSIONID"));
            port.write(new SetListenerPolicies("my-load-balancer", 80, List.of("my-duration-cookie-policy")));
            port.write(new ModifyAttributes("my-load-balancer", new Attributes(null, new ConnectionDraining(true, 60), null, null)));
            create(port, "shared", Map.of());
            create(port, "unrelated", Map.of());
            CallStats before = port.stats();

            DesiredState desired = new DesiredState(
                    new TreeMap<>(Map.of("my-load-balancer", declared("my-load-balancer",
                            new Attributes(null, new ConnectionDraining(true, 60), null, null)),
                            "not-yet", declared("not-yet", null))),
                    List.of(new PolicyAttachment("shared", new LbCookiePolicy("mine", 0), List.of(80), true)),
                    new TreeMap<>());
            ObservedState observed = new Observer(port).observe(desired);

            assertEquals(Set.of("my-load-balancer", "shared"), observed.loadBalancers().keySet());
            ObservedLoadBalancer lb = observed.loadBalancer("my-load-balancer").orElseThrow();
            assertEquals(List.of(new AppCookiePolicy("app", "SESSIONID"), new LbCookiePolicy("my-duration-cookie-policy", 60)),
                    lb.policies());
            assertEquals(List.of("my-duration-cookie-policy"), lb.listener(80).orElseThrow().policyNames());
            assertEquals(Map.of("team", "web"), lb.tags());
            assertEquals(new ConnectionDraining(true, 60), lb.attributes().connectionDraining());
            assertNull(observed.loadBalancer("shared").orElseThrow().attributes());

            // The batch of three fails on "not-yet", one page finds the rest, one DescribeTags,
            // one DescribeLoadBalancerAttributes.
            CallStats after = port.stats();
            assertEquals(4, after.readCalls() - before.readCalls());
            assertEquals(before.mutatingCalls(), after.mutatingCalls());
        }
    }

    @Test
    void aStackIsFoundByItsTagAcrossPages(MotoServer.Endpoint moto) {
        try (SdkElbPort port = connect(moto)) {
            create(port, "web", Map.of(ReservedTags.STACK, "blue"));
            create(port, "leftover", Map.of(ReservedTags.STACK, "blue"));
            create(port, "green", Map.of(ReservedTags.STACK, "green"));
            DesiredState desired = new DesiredState(new TreeMap<>(Map.of("web", declared("web", null))), List.of(),
                    new TreeMap<>());

            ObservedState observed = new Observer(port).observe(desired, Scope.stack("blue"));

            assertEquals(Set.of("leftover", "web"), observed.loadBalancers().keySet());
            ObservedState everything = new Observer(port).observe(DesiredState.empty(), Scope.all());
            assertEquals(Set.of("green", "leftover", "web"), everything.loadBalancers().keySet());
            assertEquals(Attributes.AWS_DEFAULT.idleTimeout(),
                    everything.loadBalancer("green").orElseThrow().attributes().idleTimeout());
        }
    }
}
