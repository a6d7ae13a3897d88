package io.elbreconcile.it.targets;

import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad Target input (PRODUCT.md section 16): one line each naming file:line:col, every problem in
 * one run, exit 1, and not one mutating call.
 */
@ExtendWith(EmulatorExtension.class)
class TargetInputErrorsTest {

    @TempDir
    Path dir;

    @Test
    void everyProblemIsNamedAtItsLineAndNothingIsChanged(EmulatorServer emulator) {
        Path repo = dir.resolve("repo");
        String endpoint = "  endpointUrl: " + emulator.endpoint() + "\n";
        Repository.file(repo.resolve("a/target.yaml"), Repository.target("a", "us-east-1", null, endpoint));
        Repository.file(repo.resolve("a/web.yaml"), Repository.loadBalancer("web", "us-east-1a", 60));
        // Two targets claiming the same directory.
        Repository.file(repo.resolve("a/second.yaml"), Repository.target("a2", "us-east-1", null, endpoint));
        // An invalid role ARN and an unknown region.
        Repository.file(repo.resolve("b/target.yaml"), Repository.target("b", "eu-wset-1", null,
                endpoint + "  roleArn: arn:aws:iam::1234:role/deployer\n"));
        // A document outside every target.
        Repository.file(repo.resolve("loose.yaml"), Repository.loadBalancer("loose", "us-east-1a", 60));

        Cli.Result applied = Cli.run("apply", repo.toString(), "--auto-approve");
        assertEquals(1, applied.code(), applied.toString());
        String a = repo.resolve("a") + "/";
        String b = repo.resolve("b") + "/";
        assertEquals(List.of(
                "error: " + a + "second.yaml:1:1: target 'a2' claims the directory '" + repo.resolve("a")
                        + "' that target 'a' already claims (declared at " + a + "target.yaml:1:1); a directory and"
                        + " everything below it belong to one target",
                "error: " + b + "target.yaml:6:11: unknown region 'eu-wset-1' (did you mean 'eu-west-1'?); a Target"
                        + " names an AWS region such as us-east-1 or eu-west-1",
                "error: " + b + "target.yaml:8:12: invalid role ARN 'arn:aws:iam::1234:role/deployer': expected"
                        + " arn:aws:iam::ACCOUNT:role/NAME with a 12-digit account, e.g. arn:aws:iam::111122223333:role/elb-reconcile",
                "error: " + repo.resolve("loose.yaml") + ":1:1: this LoadBalancer 'loose' is outside every Target's"
                        + " directory: with Target documents in the input, each document must be in a Target's directory"
                        + " or below it (2 targets: a, b)",
                "error: " + repo.resolve("loose.yaml") + ":10:1: this LBCookieStickinessPolicy 'sticky' is outside every"
                        + " Target's directory: with Target documents in the input, each document must be in a Target's"
                        + " directory or below it (2 targets: a, b)",
                "5 problems in the input; nothing was changed."), applied.errLines());
        assertEquals(0, emulator.mutatingCallCount());
        assertEquals(0, emulator.callCounts().values().stream().mapToLong(Long::longValue).sum(), "not even a read");
    }

    @Test
    void nestedTargetsAndDuplicateLoadBalancersWithinATargetAreRefused() {
        Path repo = dir.resolve("repo");
        Repository.file(repo.resolve("prod/target.yaml"), Repository.target("prod", "us-east-1", null, ""));
        Repository.file(repo.resolve("prod/eu/target.yaml"), Repository.target("prod-eu", "eu-west-1", null, ""));
        Repository.file(repo.resolve("other/target.yaml"), Repository.target("other", "us-east-1", null, "  externalId: x1\n"));
        Repository.file(repo.resolve("other/one.yaml"), Repository.loadBalancer("web", "us-east-1a", 60));
        Repository.file(repo.resolve("other/two.yaml"), Repository.loadBalancer("web", "us-east-1a", 60));

        Cli.Result validated = Cli.run("validate", repo.toString());
        assertEquals(1, validated.code(), validated.toString());
        List<String> lines = validated.errLines();
        assertEquals("error: " + repo.resolve("other/target.yaml") + ":7:3: externalId is only used when assuming a role:"
                + " add roleArn or remove it", lines.get(0));
        assertTrue(lines.contains("error: " + repo.resolve("prod/eu/target.yaml") + ":1:1: target 'prod-eu' and target 'prod'"
                + " (declared at " + repo.resolve("prod/target.yaml") + ":1:1) claim nested directories ('" + repo.resolve("prod/eu")
                + "' and '" + repo.resolve("prod") + "'); a directory and everything below it belong to one target"), validated.toString());
        // The fourth: the policy 'sticky' declared twice on 'web' in the same target.
        assertEquals("4 problems in the input; nothing was changed.", lines.get(lines.size() - 1));
        assertEquals(true, lines.stream().anyMatch(line -> line.startsWith("error: " + repo.resolve("other/two.yaml"))
                && line.contains("web")), validated.toString());
    }
}
