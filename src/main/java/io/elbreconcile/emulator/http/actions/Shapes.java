package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.engine.AttributesState;
import io.elbreconcile.emulator.engine.HealthCheckState;
import io.elbreconcile.emulator.engine.ListenerSpec;
import io.elbreconcile.emulator.engine.PolicyAttribute;
import io.elbreconcile.emulator.engine.Tag;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Decoders and XML writers for the structures several actions share (reference 5, data shapes). */
final class Shapes {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Shapes() {
    }

    static List<ListenerSpec> listeners(Query query) {
        return query.structList("Listeners").stream().map(m -> new ListenerSpec(
                m.required("Protocol"),
                m.requiredInt("LoadBalancerPort"),
                m.optional("InstanceProtocol"),
                m.requiredInt("InstancePort"),
                m.optional("SSLCertificateId"))).toList();
    }

    static List<Tag> tags(Query query) {
        return query.structList("Tags").stream().map(m -> new Tag(m.required("Key"), m.optional("Value"))).toList();
    }

    static List<String> instanceIds(Query query) {
        return query.structList("Instances").stream().map(m -> m.required("InstanceId")).toList();
    }

    static String timestamp(long epochMillis) {
        return TIMESTAMP.format(Instant.ofEpochMilli(epochMillis));
    }

    static void healthCheck(Xml xml, HealthCheckState check) {
        xml.open("HealthCheck")
                .element("Target", check.target())
                .element("Interval", check.interval())
                .element("Timeout", check.timeout())
                .element("UnhealthyThreshold", check.unhealthyThreshold())
                .element("HealthyThreshold", check.healthyThreshold())
                .close("HealthCheck");
    }

    static void instances(Xml xml, List<String> instanceIds) {
        xml.list("Instances", instanceIds, (x, id) -> x.element("InstanceId", id));
    }

    static void tags(Xml xml, List<Tag> tags) {
        xml.list("Tags", tags, (x, tag) -> x.element("Key", tag.key()).element("Value", tag.value()));
    }

    /** All groups, or (for the echo of ModifyLoadBalancerAttributes) only those the request sent. */
    static void attributes(Xml xml, AttributesState attributes, Query sent) {
        xml.open("LoadBalancerAttributes");
        if (sent == null || sent.present(Attributes.PREFIX + "CrossZoneLoadBalancing")) {
            xml.open("CrossZoneLoadBalancing").element("Enabled", attributes.crossZone()).close("CrossZoneLoadBalancing");
        }
        if (sent == null || sent.present(Attributes.PREFIX + "AccessLog")) {
            AttributesState.AccessLog log = attributes.accessLog();
            xml.open("AccessLog").element("Enabled", log.enabled()).element("S3BucketName", log.s3BucketName())
                    .element("EmitInterval", log.emitInterval()).element("S3BucketPrefix", log.s3BucketPrefix())
                    .close("AccessLog");
        }
        if (sent == null || sent.present(Attributes.PREFIX + "ConnectionDraining")) {
            xml.open("ConnectionDraining").element("Enabled", attributes.drainingEnabled())
                    .element("Timeout", attributes.drainingTimeout()).close("ConnectionDraining");
        }
        if (sent == null || sent.present(Attributes.PREFIX + "ConnectionSettings")) {
            xml.open("ConnectionSettings").element("IdleTimeout", attributes.idleTimeout()).close("ConnectionSettings");
        }
        if (sent == null || sent.present(Attributes.PREFIX + "AdditionalAttributes")) {
            xml.list("AdditionalAttributes", attributes.additional(),
                    (x, a) -> x.element("Key", a.name()).element("Value", a.value()));
        }
        xml.close("LoadBalancerAttributes");
    }

    static void policyAttributes(Xml xml, String wrapper, List<PolicyAttribute> attributes) {
        xml.list(wrapper, attributes, (x, a) -> x.element("AttributeName", a.name()).element("AttributeValue", a.value()));
    }
}
