package io.elbreconcile.spec;

import io.elbreconcile.diag.InvalidInputException;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.model.DeclaredTarget;
import io.elbreconcile.model.Shard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Target documents in the loader (PRODUCT.md section 16), offline. */
class TargetLoaderTest {

    @TempDir
    Path dir;

    private static final String LB = """
            apiVersion: elb-reconcile/v1
            kind: LoadBalancer
            metadata: {name: web}
            spec:
              availabilityZones: [us-east-1a]
              listeners: [{protocol: HTTP, loadBalancerPort: 80, instanceProtocol: HTTP, instancePort: 80}]
            """;

    private static String target(String name, String region, String more) {
        return "apiVersion: elb-reconcile/v1\nkind: Target\nmetadata: {name: " + name + "}\nspec:\n  region: " + region + "\n" + more;
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void eachTargetGetsTheDocumentsOfItsDirectoryAndBelow() throws IOException {
        write("a/target.yaml", target("a", "us-east-1", "  roleArn: arn:aws:iam::111111111111:role/x\n  externalId: ex\n"));
        write("a/deep/er/web.yaml", LB);
        write("b/target.yaml", target("b", "eu-west-1", "  profile: ops\n  endpointUrl: http://127.0.0.1:4566\n"));
        write("b/web.yaml", LB);

        SpecLoader.Loaded loaded = new SpecLoader(Set.of("us-east-1", "eu-west-1")).load(dir);

        assertTrue(loaded.targeted());
        assertEquals(List.of("a", "b"), loaded.shards().stream().map(Shard::name).toList());
        DeclaredTarget a = loaded.shards().get(0).target().orElseThrow();
        assertEquals(Optional.of("111111111111"), a.roleAccount());
        assertEquals("ex", a.externalId());
        assertEquals(dir.resolve("a/target.yaml") + ":1:1", a.origin().toString());
        DeclaredTarget b = loaded.shards().get(1).target().orElseThrow();
        assertEquals("ops", b.profile());
        assertEquals("http://127.0.0.1:4566", b.endpointUrl());
        assertEquals(Optional.empty(), b.roleAccount());
        loaded.shards().forEach(shard -> assertEquals(Set.of("web"), shard.desired().loadBalancers().keySet()));
        assertThrows(UserFacingException.class, loaded::state, "one state would mix two targets");
    }

    @Test
    void settingsOutsideEveryTargetHoldForEachTargetAndATargetsOwnWouldBeASecond() throws IOException {
        String settings = "apiVersion: elb-reconcile/v1\nkind: Settings\nmetadata: {name: repo}\nspec:\n  ignoreTags: [CostCenter]\n";
        write("settings.yaml", settings);
        write("a/target.yaml", target("a", "us-east-1", ""));
        write("a/web.yaml", LB);
        write("b/target.yaml", target("b", "us-east-1", ""));
        write("b/web.yaml", LB);
        SpecLoader.Loaded loaded = new SpecLoader().load(dir);
        loaded.shards().forEach(shard -> assertEquals(1, shard.desired().settings().ignoreTags().size(), shard.name()));

        write("b/own-settings.yaml", settings.replace("name: repo", "name: b-only"));
        InvalidInputException invalid = assertThrows(InvalidInputException.class, () -> new SpecLoader().load(dir));
        assertTrue(invalid.diagnostics().renderLines().stream().anyMatch(line -> line.contains("Settings")),
                invalid.diagnostics().renderLines().toString());
    }

    @Test
    void anInputWithoutTargetsIsOneShardForTheCommandLinesTarget() throws IOException {
        write("web.yaml", LB);
        SpecLoader.Loaded loaded = new SpecLoader().load(dir);
        assertFalse(loaded.targeted());
        assertEquals(Optional.empty(), loaded.shards().get(0).target());
        assertEquals(Set.of("web"), loaded.state().loadBalancers().keySet());
    }

    @Test
    void oneFileWithItsTargetIsItsOwnDirectory() throws IOException {
        Path file = write("one.yaml", target("solo", "us-east-1", "") + "---\n" + LB);
        SpecLoader.Loaded loaded = new SpecLoader().load(file);
        assertEquals(List.of("solo"), loaded.shards().stream().map(Shard::name).toList());
        assertEquals(Set.of("web"), loaded.shards().get(0).desired().loadBalancers().keySet());
    }

    @Test
    void malformedFieldsAreSchemaErrorsAtTheirLine() throws IOException {
        write("t.yaml", target("bad name!", "us-east-1", "  regoin: x\n"));
        InvalidInputException invalid = assertThrows(InvalidInputException.class, () -> new SpecLoader().load(dir));
        List<String> lines = invalid.diagnostics().renderLines();
        assertTrue(lines.stream().anyMatch(line -> line.startsWith(dir.resolve("t.yaml") + ":3:") && line.contains("name")), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith(dir.resolve("t.yaml") + ":6:3") && line.contains("region")), lines.toString());
    }

    @Test
    void withoutAListOfRegionsAnyWellFormedRegionIsAccepted() throws IOException {
        write("t.yaml", target("t", "xx-future-9", "") + "---\n" + LB);
        assertEquals("xx-future-9", new SpecLoader().load(dir).shards().get(0).target().orElseThrow().region());
        InvalidInputException invalid = assertThrows(InvalidInputException.class, () -> new SpecLoader(Set.of("us-east-1")).load(dir));
        assertEquals(List.of(dir.resolve("t.yaml") + ":5:11: unknown region 'xx-future-9'; a Target names an AWS region such as"
                + " us-east-1 or eu-west-1"), invalid.diagnostics().renderLines());
    }
}
