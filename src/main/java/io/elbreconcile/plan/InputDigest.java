package io.elbreconcile.plan;

import io.elbreconcile.model.DesiredLoadBalancer;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.PolicyAttachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The digest a plan records of the desired state it was made from: a {@link CanonicalText} whose
 * names are the YAML language's own words. Where the records were read from (source
 * locations) is not part of the input's meaning and is left out.
 */
final class InputDigest {

    private InputDigest() {
    }

    static String of(DesiredState desired) {
        SortedMap<String, Object> root = new TreeMap<>();
        List<Object> loadBalancers = new ArrayList<>();
        desired.loadBalancers().values().forEach(lb -> loadBalancers.add(loadBalancer(lb)));
        root.put("loadBalancers", loadBalancers);
        List<Object> attachments = new ArrayList<>();
        desired.attachments().forEach(a -> attachments.add(attachment(a)));
        root.put("attachments", attachments);
        // Written only when used, so that the digests of inputs without them stay as they were.
        if (!desired.settings().ignoreTags().isEmpty()) {
            root.put("settings", new TreeMap<String, Object>(Map.of("ignoreTags",
                    desired.settings().ignoreTags().stream().map(Object::toString).toList())));
        }
        return Fingerprints.sha256(CanonicalText.of(root));
    }

    private static SortedMap<String, Object> loadBalancer(DesiredLoadBalancer lb) {
        SortedMap<String, Object> out = new TreeMap<>();
        out.put("name", lb.name());
        out.put("scheme", lb.scheme().wire());
        out.put("availabilityZones", List.copyOf(lb.availabilityZones()));
        out.put("subnets", List.copyOf(lb.subnets()));
        out.put("securityGroups", List.copyOf(lb.securityGroups()));
        List<Object> listeners = new ArrayList<>();
        lb.listeners().forEach(l -> listeners.add(CanonicalText.listener(l)));
        out.put("listeners", listeners);
        out.put("healthCheck", lb.healthCheck() == null ? null : CanonicalText.healthCheck(lb.healthCheck()));
        out.put("attributes", CanonicalText.attributes(lb.attributes()));
        out.put("tags", new TreeMap<String, Object>(lb.tags()));
        out.put("protect", lb.protect());
        List<Object> policies = new ArrayList<>();
        lb.policies().forEach(p -> policies.add(CanonicalText.policy(p)));
        out.put("policies", policies);
        if (!lb.ignoreChanges().isEmpty()) {
            out.put("ignoreChanges", List.copyOf(lb.ignoreChanges().paths()));
        }
        if (lb.declaresBackendServers()) {
            // Only when declared, so the digests of inputs without the field stay what they were.
            List<Object> servers = new ArrayList<>();
            lb.backendServers().forEach(b -> servers.add(CanonicalText.backendServer(b)));
            out.put("backendServers", servers);
        }
        return out;
    }

    private static SortedMap<String, Object> attachment(PolicyAttachment attachment) {
        SortedMap<String, Object> out = new TreeMap<>();
        out.put("loadBalancer", attachment.loadBalancer());
        out.put("policy", CanonicalText.policy(attachment.policy()));
        out.put("listenerPorts", attachment.listenerPorts().stream().map(Integer::longValue).map(Object.class::cast).toList());
        out.put("present", attachment.present());
        return out;
    }
}
