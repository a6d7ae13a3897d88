package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.engine.DefaultVpc;
import io.elbreconcile.emulator.engine.ListenerState;
import io.elbreconcile.emulator.engine.LoadBalancerState;
import io.elbreconcile.emulator.engine.PolicyState;
import io.elbreconcile.emulator.engine.WorldKey;
import io.elbreconcile.emulator.http.Xml;

import java.util.List;
import java.util.Map;

/** Writes one {@code LoadBalancerDescription}, members in the model's order. */
final class Descriptions {

    /** Route 53 zone ids of ELB per region; unknown regions fall back to us-east-1's. */
    private static final Map<String, String> HOSTED_ZONES = Map.of(
            "us-east-1", "Z35SXDOTRQ7X7K", "us-east-2", "Z3AADJGX6KTTL2", "us-west-1", "Z368ELLRRE2KJ0",
            "us-west-2", "Z1H1FL5HABSF5", "eu-west-1", "Z32O12XQLNTSW2", "eu-central-1", "Z215JYRZR1TBD5");

    private Descriptions() {
    }

    static void write(Xml xml, LoadBalancerState lb, WorldKey key) {
        String region = lb.dnsName().split("\\.")[1];
        xml.element("LoadBalancerName", lb.name())
                .element("DNSName", lb.dnsName());
        if (!lb.scheme().equals("internal")) {
            xml.element("CanonicalHostedZoneName", lb.dnsName());
        }
        xml.element("CanonicalHostedZoneNameID", HOSTED_ZONES.getOrDefault(region, "Z35SXDOTRQ7X7K"));
        xml.list("ListenerDescriptions", lb.listeners(), (x, l) -> {
            x.open("Listener");
            listener(x, l);
            x.close("Listener");
            x.stringList("PolicyNames", l.policyNames());
        });
        policies(xml, lb.policies());
        xml.list("BackendServerDescriptions", lb.backendServers(),
                (x, b) -> x.element("InstancePort", b.instancePort()).stringList("PolicyNames", b.policyNames()));
        xml.stringList("AvailabilityZones", lb.availabilityZones())
                .stringList("Subnets", lb.subnets())
                .element("VPCId", lb.vpcId());
        Shapes.instances(xml, lb.instances());
        Shapes.healthCheck(xml, lb.healthCheck());
        sourceSecurityGroup(xml, lb, key);
        xml.stringList("SecurityGroups", lb.securityGroups())
                .element("CreatedTime", Shapes.timestamp(lb.createdTimeMillis()))
                .element("Scheme", lb.scheme());
    }

    /**
     * In a VPC the group instances admit traffic from is the load balancer's own first group, owned
     * by the account; the emulator knows only the default group's name, and names others by id.
     * Only an EC2-Classic style load balancer of an older state file keeps AWS's shared group.
     */
    private static void sourceSecurityGroup(Xml xml, LoadBalancerState lb, WorldKey key) {
        String owner = "amazon-elb";
        String group = "amazon-elb-sg";
        if (lb.inVpc() && !lb.securityGroups().isEmpty()) {
            owner = key.account();
            String first = lb.securityGroups().get(0);
            group = first.equals(DefaultVpc.of(key).securityGroupId()) ? DefaultVpc.SECURITY_GROUP_NAME : first;
        }
        xml.open("SourceSecurityGroup").element("OwnerAlias", owner).element("GroupName", group)
                .close("SourceSecurityGroup");
    }

    static void listener(Xml xml, ListenerState l) {
        xml.element("Protocol", l.protocol())
                .element("LoadBalancerPort", l.loadBalancerPort())
                .element("InstanceProtocol", l.instanceProtocol())
                .element("InstancePort", l.instancePort())
                .element("SSLCertificateId", l.sslCertificateId());
    }

    /**
     * Cookie policies with their parameters, everything else by name (reference 6.2). A session
     * cookie policy (created without a period) has no CookieExpirationPeriod element.
     */
    private static void policies(Xml xml, List<PolicyState> policies) {
        xml.open("Policies");
        xml.list("AppCookieStickinessPolicies", ofType(policies, PolicyState.APP_COOKIE_TYPE),
                (x, p) -> x.element("PolicyName", p.name()).element("CookieName", p.attribute("CookieName").orElse("")));
        xml.list("LBCookieStickinessPolicies", ofType(policies, PolicyState.LB_COOKIE_TYPE),
                (x, p) -> x.element("PolicyName", p.name())
                        .element("CookieExpirationPeriod", p.attribute("CookieExpirationPeriod").orElse(null)));
        xml.stringList("OtherPolicies", policies.stream().filter(p -> !p.stickiness()).map(PolicyState::name).toList());
        xml.close("Policies");
    }

    private static List<PolicyState> ofType(List<PolicyState> policies, String type) {
        return policies.stream().filter(p -> p.typeName().equals(type)).toList();
    }
}
