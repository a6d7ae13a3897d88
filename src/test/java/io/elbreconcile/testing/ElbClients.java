package io.elbreconcile.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.net.URI;

/** Real AWS SDK v2 ELB clients aimed at a loopback endpoint, with dummy credentials. */
public final class ElbClients {

    private ElbClients() {
    }

    /** No retries: tests see each error exactly as the server sent it. */
    public static ElasticLoadBalancingClient forEndpoint(URI endpoint) {
        return forEndpoint(endpoint, Region.US_EAST_1);
    }

    public static ElasticLoadBalancingClient forEndpoint(URI endpoint, Region region) {
        return ElasticLoadBalancingClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }
}
