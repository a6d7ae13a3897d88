package io.elbreconcile.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SdkErrorsTest {

    @Test
    void aHostThatDoesNotResolveIsNamedWithAHintInsteadOfTheSdksSeeCause() {
        SdkClientException sdk = SdkClientException.builder()
                .message("Received an UnknownHostException when attempting to interact with a service. See cause for the exact endpoint")
                .cause(new UnknownHostException("elasticloadbalancing.us-east-1.amazonaws.com")).build();
        PortError error = SdkErrors.toPortError(sdk, "DescribeLoadBalancers", "https://elasticloadbalancing.us-east-1.amazonaws.com",
                java.time.Duration.ofSeconds(45));
        assertEquals("DescribeLoadBalancers: ConnectionFailure: cannot resolve the host of https://elasticloadbalancing.us-east-1.amazonaws.com:"
                + " check the network and DNS, or pass --endpoint-url", error.oneLine());
    }
}
