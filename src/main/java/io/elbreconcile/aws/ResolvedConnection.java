package io.elbreconcile.aws;

import io.elbreconcile.model.Target;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Endpoint, region and credentials resolved from {@link TargetSettings} and the environment, the
 * way the SDK and the AWS CLI do, plus two rules of our own: an endpoint override (an emulator)
 * needs no region and falls back to {@value #FALLBACK_REGION}, and a loopback endpoint needs no AWS
 * account: dummy keys are used when nothing else is configured.
 *
 * @param endpointOverride null for the SDK's regional AWS endpoint
 */
record ResolvedConnection(URI endpointOverride, Region region, AwsCredentialsProvider credentials, Target target) {

    static final String FALLBACK_REGION = "us-east-1";
    static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING";
    static final String GLOBAL_ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";
    static final String IGNORE_ENDPOINTS_VARIABLE = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    /** Emulators accept any signature; these only make the SDK willing to sign. */
    static final AwsCredentials DUMMY = AwsBasicCredentials.create("elb-reconcile-local", "elb-reconcile-local");

    static ResolvedConnection resolve(TargetSettings settings, Map<String, String> env) {
        URI endpoint = endpoint(settings, env);
        Region region = region(settings, env, endpoint != null);
        if (endpoint == null && !Region.regions().contains(region)) {
            // Otherwise the first call fails on a host name that cannot resolve, minutes later with retries.
            throw new PortError(ErrorKind.REJECTED, "UnknownRegion", "unknown region '" + region.id()
                    + "': set one with --region, AWS_REGION or the profile's region, e.g. --region us-east-1", 0, null, null, null);
        }
        AwsCredentialsProvider base = credentials(settings, endpoint);
        if (settings.role() != null) {
            base = RoleCredentials.assume(settings.role(), base, region, endpoint, settings.effectiveCallTimeout());
        }
        AwsCredentialsProvider credentials = new MarkingCredentialsProvider(base, settings.profile());
        // A trailing slash is no different endpoint; dropping it keeps saved plans applicable.
        String shown = endpoint != null ? endpoint.toString().replaceAll("/+$", "")
                : "https://elasticloadbalancing." + region.id() + ".amazonaws.com";
        // With a role the account is known before any call: the role's.
        String account = settings.role() == null ? null : roleAccount(settings.role().roleArn());
        return new ResolvedConnection(endpoint, region, credentials, new Target(shown, region.id(), account));
    }

    private static String roleAccount(String roleArn) {
        java.util.regex.Matcher matcher = io.elbreconcile.model.DeclaredTarget.ROLE_ARN.matcher(roleArn);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** Closes what the credentials hold (an assumed role's STS client). */
    void closeCredentials() {
        if (credentials instanceof MarkingCredentialsProvider marking && marking.delegate() instanceof RoleCredentials role) {
            role.close();
        }
    }

    private static URI endpoint(TargetSettings settings, Map<String, String> env) {
        String url = settings.endpointUrl();
        if (url == null && !"true".equalsIgnoreCase(env.get(IGNORE_ENDPOINTS_VARIABLE))) {
            // Service-specific first, then the global one: the SDK's documented precedence.
            url = nonBlank(env.get(ENDPOINT_VARIABLE));
            if (url == null) {
                url = nonBlank(env.get(GLOBAL_ENDPOINT_VARIABLE));
            }
        }
        if (url == null) {
            return null;
        }
        URI uri = URI.create(url.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new PortError(ErrorKind.REJECTED, "InvalidEndpoint",
                    "endpoint URL '" + url + "' needs a scheme and a host, e.g. http://127.0.0.1:4566", 0, null, null, null);
        }
        return uri;
    }

    private static Region region(TargetSettings settings, Map<String, String> env, boolean overridden) {
        String id = settings.region() != null ? settings.region() : nonBlank(env.get("AWS_REGION"));
        if (id != null) {
            return Region.of(id);
        }
        // With an override, skip the instance-metadata lookup of the default chain: it can take
        // seconds off EC2, and an emulator does not care about the region.
        AwsRegionProvider chain = overridden
                ? new AwsRegionProviderChain(new SystemSettingsRegionProvider(),
                        new AwsProfileRegionProvider(ProfileFile::defaultProfileFile, profileName(settings, env)))
                : DefaultAwsRegionProviderChain.builder().profileName(settings.profile()).build();
        try {
            return chain.getRegion();
        } catch (RuntimeException none) {
            if (overridden) {
                return Region.of(FALLBACK_REGION);
            }
            throw new PortError(ErrorKind.REJECTED, "MissingRegion",
                    "no region: pass --region, set AWS_REGION or give the profile a region", 0, null, null, none);
        }
    }

    private static String profileName(TargetSettings settings, Map<String, String> env) {
        if (settings.profile() != null) {
            return settings.profile();
        }
        String fromEnv = nonBlank(env.get("AWS_PROFILE"));
        return fromEnv != null ? fromEnv : "default";
    }

    private static AwsCredentialsProvider credentials(TargetSettings settings, URI endpoint) {
        TargetSettings.StaticCredentials keys = settings.staticCredentials();
        if (keys != null) {
            return StaticCredentialsProvider.create(keys.sessionToken() == null
                    ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                    : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
        }
        if (settings.profile() != null) {
            return ProfileCredentialsProvider.builder().profileName(settings.profile()).build();
        }
        if (endpoint != null && isLoopback(endpoint)) {
            // Real keys still win when present (someone pointing at a local proxy of AWS), but the
            // slow container and instance-metadata providers are skipped.
            return AwsCredentialsProviderChain.builder()
                    .credentialsProviders(EnvironmentVariableCredentialsProvider.create(),
                            SystemPropertyCredentialsProvider.create(),
                            ProfileCredentialsProvider.create(),
                            StaticCredentialsProvider.create(DUMMY))
                    .build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Lets the error mapping recognise "no credentials" by type rather than by the SDK's message:
     * any failure to resolve becomes {@link CredentialsUnavailable}.
     */
    private record MarkingCredentialsProvider(AwsCredentialsProvider delegate, String profile) implements AwsCredentialsProvider {
        @Override
        public AwsCredentials resolveCredentials() {
            try {
                return delegate.resolveCredentials();
            } catch (RuntimeException e) {
                throw new CredentialsUnavailable(profile, e);
            }
        }
    }

    /** No credentials could be found; carries the SDK's explanation as its cause. */
    static final class CredentialsUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CredentialsUnavailable(String profile, Throwable cause) {
            // The SDK's own explanation lists every provider of the chain: kept as the cause for --debug.
            super(profile != null
                    ? "no AWS credentials for the profile '" + profile + "' (is it in ~/.aws/credentials or ~/.aws/config,"
                            + " with keys, SSO or a role?); check 'aws configure list --profile " + profile + "'"
                    : "no AWS credentials found (environment, profile, SSO, container or instance role);"
                            + " run 'aws configure', set AWS_PROFILE, or use --emulator to try without an account", cause);
        }
    }
}
