package io.elbreconcile.spec;

import io.elbreconcile.model.DesiredLoadBalancer;

/** A {@code LoadBalancer} document; its cookie policies come from other documents, so the list here is empty. */
record LoadBalancerDocument(YamlDocument source, DesiredLoadBalancer loadBalancer) implements SpecDocument {

    @Override
    public String name() {
        return loadBalancer.name();
    }
}
