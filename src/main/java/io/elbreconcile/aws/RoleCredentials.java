package io.elbreconcile.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.net.URI;
import java.time.Duration;

/**
 * Credentials of an assumed role through the SDK's own {@link StsAssumeRoleCredentialsProvider}
 * (it refreshes the session before it expires). STS is called at the target's endpoint override
 * when there is one (an emulator answers STS too), otherwise at the region's STS endpoint.
 */
final class RoleCredentials implements AwsCredentialsProvider, SdkAutoCloseable {

    /** CloudTrail shows this session name, so that an audit can tell our calls apart. */
    static final String SESSION_NAME = "elb-reconcile";

    private final StsClient sts;
    private final StsAssumeRoleCredentialsProvider provider;
    private final TargetSettings.AssumedRole role;
    private final String stsEndpoint;

    private RoleCredentials(StsClient sts, StsAssumeRoleCredentialsProvider provider, TargetSettings.AssumedRole role,
                            String stsEndpoint) {
        this.sts = sts;
        this.provider = provider;
        this.role = role;
        this.stsEndpoint = stsEndpoint;
    }

    static RoleCredentials assume(TargetSettings.AssumedRole role, AwsCredentialsProvider base, Region region,
                                  URI endpointOverride, Duration callTimeout) {
        var builder = StsClient.builder()
                .region(region)
                .credentialsProvider(base)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.apiCallTimeout(callTimeout));
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        StsClient sts = builder.build();
        AssumeRoleRequest request = AssumeRoleRequest.builder()
                .roleArn(role.roleArn())
                .roleSessionName(SESSION_NAME)
                .externalId(role.externalId())
                .build();
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request)
                .build();
        String shown = endpointOverride != null ? endpointOverride.toString() : "STS in " + region.id();
        return new RoleCredentials(sts, provider, role, shown);
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return provider.resolveCredentials();
        } catch (RuntimeException e) {
            throw new RoleNotAssumed(role, stsEndpoint, e);
        }
    }

    @Override
    public void close() {
        provider.close();
        sts.close();
    }

    /** STS refused the role or could not be reached; the message names the role and what STS said. */
    static final class RoleNotAssumed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RoleNotAssumed(TargetSettings.AssumedRole role, String endpoint, RuntimeException cause) {
            super("cannot assume the role " + role.roleArn() + " (" + endpoint + "): " + explanation(cause), cause);
        }

        private static String explanation(Throwable cause) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof SdkServiceException service && service.getMessage() != null) {
                    return service.getMessage().replaceAll("\\s*\\(Service: .*$", "");
                }
            }
            String message = cause.getMessage();
            for (Throwable t = cause.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t.getMessage() != null && !t.getMessage().isBlank()) {
                    message = t.getMessage();
                }
            }
            return message == null ? cause.getClass().getSimpleName() : message;
        }
    }
}
