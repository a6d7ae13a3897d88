package io.elbreconcile.spec;

import io.elbreconcile.diag.InvalidInputException;
import io.elbreconcile.model.Glob;
import io.elbreconcile.model.Shard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Settings.allowedSslPolicies in the loader, offline: read into the model, and judged per target like ignoreTags. */
class SslAllowListLoaderTest {

    @TempDir
    Path dir;

    private static final String SETTINGS = """
            apiVersion: elb-reconcile/v1
            kind: Settings
            metadata: {name: repo}
            spec:
              allowedSslPolicies: [ELBSecurityPolicy-TLS-1-2-*]
            """;

    private static String shop(String reference) {
        return """
                apiVersion: elb-reconcile/v1
                kind: LoadBalancer
                metadata: {name: shop}
                spec:
                  availabilityZones: [us-east-1a]
                  listeners:
                    - {protocol: HTTPS, loadBalancerPort: 443, instanceProtocol: HTTP, instancePort: 80, sslCertificateId: arn:x, sslPolicy: tls}
                ---
                apiVersion: elb-reconcile/v1
                kind: SSLNegotiationPolicy
                metadata: {name: tls}
                spec: {loadBalancer: shop, reference: %s}
                """.formatted(reference);
    }

    private static String target(String name) {
        return "apiVersion: elb-reconcile/v1\nkind: Target\nmetadata: {name: " + name + "}\nspec:\n  region: us-east-1\n";
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void theListIsReadIntoTheDesiredStatesSettings() throws IOException {
        write("settings.yaml", SETTINGS);
        write("shop.yaml", shop("ELBSecurityPolicy-TLS-1-2-2017-01"));

        var settings = new SpecLoader().load(dir).state().settings();

        assertEquals(List.of(new Glob("ELBSecurityPolicy-TLS-1-2-*")), settings.allowedSslPolicies());
        assertEquals(List.of(), settings.ignoreTags());
    }

    /**
     * A repository-wide Settings holds for every target: each target's documents are judged against
     * it (one line per refused document), and its own globs are checked once, not once per target.
     */
    @Test
    void aRepositoryWideListJudgesEveryTargetAndIsCheckedOnce() throws IOException {
        write("settings.yaml", SETTINGS.replace("]", ", ELBSecurityPolicy-TLS-1-3-*]"));
        write("a/target.yaml", target("a"));
        write("a/shop.yaml", shop("ELBSecurityPolicy-TLS-1-2-2017-01"));
        write("b/target.yaml", target("b"));
        write("b/shop.yaml", shop("ELBSecurityPolicy-TLS-1-2-2017-01"));

        InvalidInputException typo = assertThrows(InvalidInputException.class, () -> new SpecLoader().load(dir));
        assertEquals(List.of(dir.resolve("settings.yaml") + ":5:53: allowedSslPolicies: 'ELBSecurityPolicy-TLS-1-3-*' matches"
                + " no predefined security policy and is not custom (did you mean 'ELBSecurityPolicy-TLS-1-2-*'?)"),
                typo.diagnostics().renderLines());

        write("settings.yaml", SETTINGS);
        write("b/shop.yaml", shop("ELBSecurityPolicy-2016-08"));
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> new SpecLoader().load(dir));
        assertEquals(List.of(dir.resolve("b/shop.yaml") + ":12:39: SSL negotiation policy 'tls' uses ELBSecurityPolicy-2016-08,"
                + " which allowedSslPolicies [ELBSecurityPolicy-TLS-1-2-*] at " + dir.resolve("settings.yaml") + ":5:23 does not allow"
                + " (allowed predefined policies: ELBSecurityPolicy-TLS-1-2-2017-01)"), refused.diagnostics().renderLines());

        write("b/shop.yaml", shop("ELBSecurityPolicy-TLS-1-2-2017-01"));
        List<Shard> shards = new SpecLoader().load(dir).shards();
        shards.forEach(shard -> assertEquals(1, shard.desired().settings().allowedSslPolicies().size(), shard.name()));
    }
}
