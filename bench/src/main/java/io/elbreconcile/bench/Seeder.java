package io.elbreconcile.bench;

import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.Listener;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Creates the benchmark's load balancers directly through the SDK (the same in the emulator and in moto). */
final class Seeder {

    private Seeder() {
    }

    static void seed(URI endpoint, int count, int threads) throws Exception {
        try (ElasticLoadBalancingClient elb = Clients.forEndpoint(endpoint)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> create(elb, n)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            int seen = 0;
            String marker = null;
            do {
                String from = marker;
                var page = elb.describeLoadBalancers(r -> r.marker(from).pageSize(400));
                seen += page.loadBalancerDescriptions().size();
                marker = page.nextMarker();
            } while (marker != null);
            if (seen < count) {
                throw new IllegalStateException("seeded " + count + " but DescribeLoadBalancers shows " + seen);
            }
        }
    }

    private static void create(ElasticLoadBalancingClient elb, int i) {
        String name = Specs.lbName(i);
        List<Listener> listeners = new ArrayList<>();
        for (int p = 0; p < Specs.LISTENERS; p++) {
            listeners.add(Listener.builder().protocol("HTTP").loadBalancerPort(Specs.lbPort(p))
                    .instanceProtocol("HTTP").instancePort(Specs.instancePort(p)).build());
        }
        elb.createLoadBalancer(r -> r.loadBalancerName(name).listeners(listeners).availabilityZones("us-east-1a"));
        for (int p = 0; p < Specs.LISTENERS; p++) {
            String policy = Specs.policyName(i, p);
            int port = p;
            if (Specs.isAppCookie(p)) {
                elb.createAppCookieStickinessPolicy(r -> r.loadBalancerName(name).policyName(policy).cookieName("SESSION" + port));
            } else {
                elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName(name).policyName(policy)
                        .cookieExpirationPeriod(60L * (port + 1)));
            }
            elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName(name).loadBalancerPort(Specs.lbPort(port))
                    .policyNames(policy));
        }
    }
}
