package io.elbreconcile.aws;

import io.elbreconcile.model.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResolvedConnectionTest {

    @Test
    void anEndpointOverrideNeedsNoRegionAndNoAccount() {
        ResolvedConnection c = ResolvedConnection.resolve(
                TargetSettings.defaults().withEndpointUrl("http://127.0.0.1:4566"), Map.of());
        assertEquals(URI.create("http://127.0.0.1:4566"), c.endpointOverride());
        assertEquals("http://127.0.0.1:4566", c.target().endpoint());
        assertEquals(null, c.target().account());
        if (!java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".aws", "config"))) {
            assertEquals(regionOr("us-east-1"), c.target().region());
        }
        if (System.getenv("AWS_ACCESS_KEY_ID") == null) {
            assertEquals(ResolvedConnection.DUMMY.accessKeyId(), c.credentials().resolveCredentials().accessKeyId());
        }
    }

    @Test
    void anUnknownRegionIsNamedWithHowToSetOneBeforeAnyCall() {
        PortError error = assertThrows(PortError.class, () -> ResolvedConnection.resolve(
                TargetSettings.defaults().withRegion("us-easttt-1"), Map.of()));
        assertEquals("UnknownRegion", error.code());
        assertEquals(ErrorKind.REJECTED, error.kind());
        assertEquals("unknown region 'us-easttt-1': set one with --region, AWS_REGION or the profile's region, e.g. --region us-east-1",
                error.getMessage());
    }

    @Test
    void anUnknownRegionFromTheEnvironmentIsRefusedToo() {
        PortError error = assertThrows(PortError.class, () -> ResolvedConnection.resolve(
                TargetSettings.defaults(), Map.of("AWS_REGION", "mars-north-1")));
        assertEquals("UnknownRegion", error.code());
    }

    @Test
    void anEmulatorTakesAnyRegionName() {
        ResolvedConnection c = ResolvedConnection.resolve(
                TargetSettings.defaults().withRegion("local-test-1").withEndpointUrl("http://127.0.0.1:4566"), Map.of());
        assertEquals("local-test-1", c.target().region());
    }

    @Test
    void theServiceEndpointVariableWinsOverTheGlobalOne() {
        ResolvedConnection c = ResolvedConnection.resolve(TargetSettings.defaults(), Map.of(
                "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING", "http://localhost:9000",
                "AWS_ENDPOINT_URL", "http://localhost:1", "AWS_REGION", "eu-west-1"));
        assertEquals(new Target("http://localhost:9000", "eu-west-1", null), c.target());
    }

    @Test
    void anExplicitEndpointWinsOverTheEnvironmentAndTheEnvironmentCanBeIgnored() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING", "http://localhost:9000",
                "AWS_REGION", "eu-west-1");
        assertEquals("http://127.0.0.1:1", ResolvedConnection.resolve(
                TargetSettings.defaults().withEndpointUrl("http://127.0.0.1:1"), env).target().endpoint());
        Map<String, String> ignoring = new java.util.HashMap<>(env);
        ignoring.put("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        assertEquals("https://elasticloadbalancing.eu-west-1.amazonaws.com",
                ResolvedConnection.resolve(TargetSettings.defaults(), ignoring).target().endpoint());
    }

    @Test
    void withoutAnOverrideTheTargetIsTheRegionalEndpoint() {
        ResolvedConnection c = ResolvedConnection.resolve(TargetSettings.defaults().withRegion("ap-south-1"),
                Map.of("AWS_REGION", "eu-west-1"));
        assertEquals(new Target("https://elasticloadbalancing.ap-south-1.amazonaws.com", "ap-south-1", null), c.target());
        assertEquals(null, c.endpointOverride());
    }

    @Test
    void staticCredentialsAreUsedAsGiven() {
        ResolvedConnection c = ResolvedConnection.resolve(TargetSettings.defaults().withRegion("eu-west-1")
                .withStaticCredentials(new TargetSettings.StaticCredentials("AKIDEXAMPLE", "secret", null)), Map.of());
        assertEquals("AKIDEXAMPLE", c.credentials().resolveCredentials().accessKeyId());
        assertEquals("StaticCredentials[AKIDEXAMPLE]",
                new TargetSettings.StaticCredentials("AKIDEXAMPLE", "secret", null).toString(), "no secret in logs");
    }

    @Test
    void aTrailingSlashIsTheSameTarget() {
        assertEquals("http://127.0.0.1:4566", ResolvedConnection.resolve(
                TargetSettings.defaults().withEndpointUrl("http://127.0.0.1:4566/"), Map.of()).target().endpoint());
    }

    @Test
    void aUrlWithoutHostIsRejected() {
        PortError e = assertThrows(PortError.class, () -> ResolvedConnection.resolve(
                TargetSettings.defaults().withEndpointUrl("localhost:4566"), Map.of()));
        assertEquals(ErrorKind.REJECTED, e.kind());
    }

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:1, true", "http://localhost, true", "http://[::1]:80, true",
            "http://127.10.0.2, true", "https://elasticloadbalancing.us-east-1.amazonaws.com, false",
            "http://10.0.0.1:80, false", "http://localhost.example.com, false"})
    void loopbackIsRecognisedWithoutDns(String url, boolean loopback) {
        assertEquals(loopback, ResolvedConnection.isLoopback(URI.create(url)));
    }

    private static String regionOr(String fallback) {
        // The SDK chain also reads the real environment and system properties.
        String fromEnv = System.getenv("AWS_REGION");
        String fromProperty = System.getProperty("aws.region");
        return fromProperty != null ? fromProperty : fromEnv != null ? fromEnv : fallback;
    }
}
