package io.elbreconcile.aws;

import io.elbreconcile.model.ObservedLoadBalancer;

import java.util.List;

/** One page of DescribeLoadBalancers; {@code nextMarker} is null on the last page. */
public record LoadBalancerPage(List<ObservedLoadBalancer> loadBalancers, String nextMarker) {

    public LoadBalancerPage {
        loadBalancers = List.copyOf(loadBalancers);
    }
}
