package io.elbreconcile.aws;

import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.Target;
import io.elbreconcile.plan.operation.Operation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClientBuilder;
import software.amazon.awssdk.services.elasticloadbalancing.model.DescribeLoadBalancersResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * {@link ElbPort} on the AWS SDK for Java v2. Retries (throttling, 5xx, connection errors) are the
 * SDK's own strategies with jittered exponential back-off ({@link RetryStrategies}), bounded in
 * attempts; a retried write that had in fact succeeded surfaces as AWS's answer to the repeat
 * (e.g. DuplicatePolicyName, which the applier adopts after re-observing). Every attempt waits for the shared
 * {@link TokenBucket} when a rate limit is set. Each method is one logical call, counted once.
 *
 * <p>The SDK client is built on the first call, so commands that never reach AWS (or fail
 * before) do not pay for it.
 */
public final class SdkElbPort implements ElbPort {

    private static final SdkWriteRequests REQUESTS = new SdkWriteRequests();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Attempts per call that a silent endpoint can use up before the call's own limit: each attempt
     * gets a third of it, so a throttled or failed attempt still leaves room for retries.
     */
    private static final int ATTEMPTS_WITHIN_TIMEOUT = 3;

    private final ResolvedConnection connection;
    private final TargetSettings settings;
    private final RetryStrategy retries;
    private final CallAccounting accounting;
    private final WaitingCalls waiting;
    private final LongAdder reads = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final Object clientLock = new Object();
    private volatile ElasticLoadBalancingClient client;
    private volatile boolean closed;

    private SdkElbPort(TargetSettings settings, ResolvedConnection connection, RetryStrategy retries, TokenBucket rateLimit,
                       StillWaiting stillWaiting) {
        this.settings = settings;
        this.retries = retries;
        this.connection = connection;
        this.accounting = new CallAccounting(rateLimit);
        this.waiting = new WaitingCalls(connection.target().endpoint(), settings.effectiveCallTimeout(), stillWaiting, System::nanoTime);
    }

    /**
     * A port for the target the settings and the process environment describe. Resolves the
     * endpoint, region and credential source now (fails with a {@code REJECTED} PortError when no
     * region can be found and no endpoint is given); connects on the first call.
     */
    public static SdkElbPort connect(TargetSettings settings) {
        return connect(settings, StillWaiting.NOBODY);
    }

    /** As {@link #connect(TargetSettings)}, telling {@code stillWaiting} about calls the endpoint is slow to answer. */
    public static SdkElbPort connect(TargetSettings settings, StillWaiting stillWaiting) {
        return connect(settings, System.getenv(), stillWaiting);
    }

    /** As {@link #connect(TargetSettings)}, with the environment variables given (for tests). */
    public static SdkElbPort connect(TargetSettings settings, Map<String, String> environment) {
        return connect(settings, environment, StillWaiting.NOBODY);
    }

    private static SdkElbPort connect(TargetSettings settings, Map<String, String> environment, StillWaiting stillWaiting) {
        ResolvedConnection connection = ResolvedConnection.resolve(settings, environment);
        double rate = settings.maxRequestsPerSecond();
        if (rate < 0) {
            // The default: AWS's planning figure for AWS, no limit for an emulator on this machine.
            URI endpoint = connection.endpointOverride();
            rate = endpoint != null && ResolvedConnection.isLoopback(endpoint) ? 0 : TargetSettings.DEFAULT_AWS_REQUESTS_PER_SECOND;
        }
        return new SdkElbPort(settings, connection, RetryStrategies.of(settings, environment),
                rate > 0 ? TokenBucket.perSecond(rate) : null, stillWaiting);
    }

    /** With a given rate limit (null for none), so tests can use a clock of their own. */
    static SdkElbPort connect(TargetSettings settings, Map<String, String> environment, TokenBucket rateLimit) {
        return new SdkElbPort(settings, ResolvedConnection.resolve(settings, environment),
                RetryStrategies.of(settings, environment), rateLimit, StillWaiting.NOBODY);
    }

    @Override
    public Target target() {
        return connection.target();
    }

    // ---- reads -------------------------------------------------------------------------------

    @Override
    public LoadBalancerPage describeLoadBalancers(String marker, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1-" + MAX_PAGE_SIZE + ": " + pageSize);
        }
        DescribeLoadBalancersResponse page = read("DescribeLoadBalancers",
                c -> c.describeLoadBalancers(r -> r.marker(marker).pageSize(pageSize)));
        List<ObservedLoadBalancer> loadBalancers = page.loadBalancerDescriptions().stream().map(SdkMapping::observed).toList();
        // The last page has no marker; some servers send an empty one instead (reference 6.5).
        String next = page.nextMarker() == null || page.nextMarker().isEmpty() ? null : page.nextMarker();
        return new LoadBalancerPage(loadBalancers, next);
    }

    @Override
    public List<ObservedLoadBalancer> describeLoadBalancers(Collection<String> names) {
        requireBatch(names);
        if (names.isEmpty()) {
            return List.of(); // no names would mean "all of them" to AWS
        }
        return read("DescribeLoadBalancers", c -> c.describeLoadBalancers(r -> r.loadBalancerNames(names)))
                .loadBalancerDescriptions().stream().map(SdkMapping::observed).toList();
    }

    @Override
    public Map<String, SortedMap<String, String>> describeTags(Collection<String> names) {
        requireBatch(names);
        Map<String, SortedMap<String, String>> byName = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return byName;
        }
        names.forEach(n -> byName.put(n, new TreeMap<>()));
        read("DescribeTags", c -> c.describeTags(r -> r.loadBalancerNames(names))).tagDescriptions()
                .forEach(d -> byName.put(d.loadBalancerName(), SdkMapping.tags(d.tags())));
        return byName;
    }

    @Override
    public Attributes describeAttributes(String loadBalancer) {
        return SdkMapping.attributes(read("DescribeLoadBalancerAttributes",
                c -> c.describeLoadBalancerAttributes(r -> r.loadBalancerName(loadBalancer))).loadBalancerAttributes());
    }

    @Override
    public List<ManagedPolicy> describePolicies(String loadBalancer) {
        return read("DescribeLoadBalancerPolicies", c -> c.describeLoadBalancerPolicies(r -> r
                .loadBalancerName(loadBalancer)))
                .policyDescriptions().stream().flatMap(d -> SdkMapping.policy(d).stream()).toList();
    }

    private static void requireBatch(Collection<String> names) {
        if (names.size() > MAX_NAMES_PER_CALL) {
            throw new IllegalArgumentException("at most " + MAX_NAMES_PER_CALL + " names per call, got " + names.size());
        }
    }

    // ---- writes ------------------------------------------------------------------------------

    @Override
    public void write(Operation operation) {
        write(operation.awsOperation(), operation.accept(REQUESTS));
    }

    // ---- plumbing ----------------------------------------------------------------------------

    @Override
    public CallTally tallyOnThisThread() {
        return accounting.tallyOnThisThread();
    }

    @Override
    public CallStats stats() {
        return new CallStats(reads.sum(), writes.sum(), accounting.retries());
    }

    @Override
    public void close() {
        waiting.close();
        connection.closeCredentials();
        synchronized (clientLock) {
            closed = true;
            if (client != null) {
                client.close();
                client = null;
            }
        }
    }

    private <T> T read(String operation, Function<ElasticLoadBalancingClient, T> call) {
        reads.increment();
        return invoke(operation, call);
    }

    private <T> T write(String operation, Function<ElasticLoadBalancingClient, T> call) {
        writes.increment();
        return invoke(operation, call);
    }

    private <T> T invoke(String operation, Function<ElasticLoadBalancingClient, T> call) {
        try (WaitingCalls.Call waited = waiting.started(operation)) {
            return call.apply(client());
        } catch (SdkException | ResolvedConnection.CredentialsUnavailable e) {
            // The SDK passes a credentials provider's own exception through unwrapped.
            throw SdkErrors.toPortError(e, operation, connection.target().endpoint(), settings.effectiveCallTimeout());
        }
    }

    /**
     * Builds the SDK client now instead of on the first call, so that a caller can do it on a
     * background thread while it does other work. Makes no request.
     */
    public void prepare() {
        client();
    }

    private ElasticLoadBalancingClient client() {
        ElasticLoadBalancingClient current = client;
        if (current != null) {
            return current;
        }
        synchronized (clientLock) {
            if (closed) {
                throw new IllegalStateException("port is closed");
            }
            if (client == null) {
                client = build();
            }
            return client;
        }
    }

    /**
     * Plain HTTP (an emulator on loopback) skips the TLS set-up the default client does eagerly:
     * loading the trust store is a tenth of a second of every cold run against the emulator.
     */
    private static SdkHttpClient httpClient(URI endpointOverride, Duration attemptTimeout) {
        // The SDK's attempt timer ends a silent attempt; the socket's own limit, a little later, is
        // only a backstop, and connecting never takes longer than an attempt may.
        Duration connectTimeout = attemptTimeout.compareTo(CONNECT_TIMEOUT) < 0 ? attemptTimeout : CONNECT_TIMEOUT;
        Duration readTimeout = attemptTimeout.plusSeconds(1);
        if (endpointOverride != null && "http".equalsIgnoreCase(endpointOverride.getScheme())) {
            return UrlConnectionHttpClient.create(uri -> {
                try {
                    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                    connection.setConnectTimeout((int) Math.max(1, connectTimeout.toMillis()));
                    connection.setReadTimeout((int) readTimeout.toMillis());
                    return connection;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return UrlConnectionHttpClient.builder().connectionTimeout(connectTimeout).socketTimeout(readTimeout).build();
    }

    private ElasticLoadBalancingClient build() {
        // The call timeout bounds a call with its retries and back-off (PRODUCT.md section 11).
        Duration callTimeout = settings.effectiveCallTimeout();
        Duration attemptTimeout = callTimeout.dividedBy(ATTEMPTS_WITHIN_TIMEOUT);
        ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder()
                .apiCallTimeout(callTimeout)
                .apiCallAttemptTimeout(attemptTimeout)
                .retryStrategy(retries)
                .addExecutionInterceptor(accounting);
        if (settings.profile() != null) {
            overrides.defaultProfileName(settings.profile());
        }
        ElasticLoadBalancingClientBuilder builder = ElasticLoadBalancingClient.builder()
                .httpClient(httpClient(connection.endpointOverride(), attemptTimeout))
                .region(connection.region())
                .credentialsProvider(connection.credentials())
                .overrideConfiguration(overrides.build());
        if (connection.endpointOverride() != null) {
            builder.endpointOverride(connection.endpointOverride());
        }
        return builder.build();
    }
}
