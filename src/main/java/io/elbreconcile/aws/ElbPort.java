package io.elbreconcile.aws;

import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.Target;
import io.elbreconcile.plan.operation.Operation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The one door between the core and AWS (or any endpoint speaking its API). Every method, and
 * every operation given to {@link #write}, maps to exactly one API call, so call counts are predictable. Failures are {@link PortError}s,
 * classified by AWS error code; retries of throttling and 5xx happen behind this interface.
 *
 * <p>Implementations must be safe for concurrent use.
 */
public interface ElbPort extends AutoCloseable {

    /** Page size AWS allows at most for DescribeLoadBalancers (reference 6.5). */
    int MAX_PAGE_SIZE = 400;
    /** Names AWS allows at most per DescribeTags (and, safely, per DescribeLoadBalancers by name). */
    int MAX_NAMES_PER_CALL = 20;

    Target target();

    // ---- reads -------------------------------------------------------------------------------

    /**
     * One page of DescribeLoadBalancers with no names. The descriptions carry listeners, their
     * enabled policy names and both cookie policy kinds; tags are empty and attributes null.
     */
    LoadBalancerPage describeLoadBalancers(String marker, int pageSize);

    /**
     * DescribeLoadBalancers for at most {@link #MAX_NAMES_PER_CALL} names. A name that does not
     * exist yields a {@code LoadBalancerNotFound} PortError (the whole call fails, as on AWS).
     */
    List<ObservedLoadBalancer> describeLoadBalancers(Collection<String> names);

    /** DescribeTags for at most {@link #MAX_NAMES_PER_CALL} names: tags by load balancer name. */
    Map<String, SortedMap<String, String>> describeTags(Collection<String> names);

    /**
     * DescribeLoadBalancerPolicies for every policy of one load balancer (naming none, so a policy
     * deleted meanwhile cannot fail the call): those of a kind this product manages, typed.
     */
    List<ManagedPolicy> describePolicies(String loadBalancer);

    /** DescribeLoadBalancerAttributes: every member filled. */
    Attributes describeAttributes(String loadBalancer);

    // ---- writes ------------------------------------------------------------------------------

    /**
     * The one API call the operation names ({@link Operation#awsOperation()}), with exactly its
     * parameters. A listener's policy list is ignored by AWS at CreateLoadBalancer; an empty list in
     * SetLoadBalancerPoliciesOfListener disables every policy on that port; ModifyLoadBalancerAttributes
     * sends only the non-null members.
     */
    void write(Operation operation);

    /** The attempts and latest request id of the calls made so far on the calling thread; NONE when not tracked. */
    default CallTally tallyOnThisThread() {
        return CallTally.NONE;
    }

    /** Counts of calls made and retried through this port, for the apply summary and the benchmarks. */
    CallStats stats();

    @Override
    void close();
}
