package io.elbreconcile.reconcile;

import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.diag.InvalidInputException;
import io.elbreconcile.diag.UserFacingException;
import io.elbreconcile.model.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loading while the target opens: the target is awaited only for valid input of one target, and
 * abandoned otherwise (invalid input, Target documents, input below a Target document), so that
 * bad input never reaches the target. No port is crossed: the opening is recorded, not opened.
 */
class InputLoadingTest {

    @TempDir
    Path dir;

    /** Records what was asked of it; its target is never called. */
    private static final class RecordedOpening implements Opening {
        int awaited;
        int abandoned;
        final OpenTarget target = new OpenTarget() {
            @Override
            public ElbPort port() {
                throw new AssertionError("loading makes no call");
            }

            @Override
            public Target target() {
                return new Target("recorded", "us-east-1", null);
            }

            @Override
            public void close() {
            }
        };

        @Override
        public OpenTarget await() {
            awaited++;
            return target;
        }

        @Override
        public void abandon() {
            abandoned++;
        }
    }

    private final InputLoading loading = new InputLoading(() -> Set.of("us-east-1", "eu-west-1"));

    private static final String LOAD_BALANCER = """
            apiVersion: elb-reconcile/v1
            kind: LoadBalancer
            metadata:
              name: web
            spec:
              scheme: internet-facing
              availabilityZones: [us-east-1a]
              listeners:
                - protocol: HTTP
                  loadBalancerPort: 80
                  instanceProtocol: HTTP
                  instancePort: 8080
            """;

    private static final String TARGET = """
            apiVersion: elb-reconcile/v1
            kind: Target
            metadata:
              name: staging
            spec:
              region: us-east-1
            """;

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void validInputOfOneTargetAwaitsTheTarget() throws IOException {
        write("in/lb.yaml", LOAD_BALANCER);
        RecordedOpening opening = new RecordedOpening();
        Input input = loading.load(dir.resolve("in"), Optional.empty(), opening);
        assertFalse(input.targeted());
        assertSame(opening.target, input.single().target());
        assertEquals(Set.of("web"), input.single().desired().loadBalancers().keySet());
        assertEquals(1, input.single().inputs().size());
        assertEquals(1, opening.awaited);
        assertEquals(0, opening.abandoned);
    }

    @Test
    void invalidInputAbandonsTheTargetAndFailsAsItWas() throws IOException {
        write("in/lb.yaml", LOAD_BALANCER.replace("internet-facing", "sideways"));
        RecordedOpening opening = new RecordedOpening();
        assertThrows(InvalidInputException.class, () -> loading.load(dir.resolve("in"), Optional.empty(), opening));
        assertEquals(0, opening.awaited);
        assertEquals(1, opening.abandoned);
    }

    @Test
    void targetDocumentsComeBackAsShardsAndTheCommandLinesTargetIsAbandoned() throws IOException {
        write("repo/staging/target.yaml", TARGET);
        write("repo/staging/lb.yaml", LOAD_BALANCER);
        RecordedOpening opening = new RecordedOpening();
        Input input = loading.load(dir.resolve("repo"), Optional.empty(), opening);
        assertTrue(input.targeted());
        assertEquals("staging", input.shards().get(0).name());
        assertEquals(2, input.inputsOf(input.shards().get(0)).size());
        assertEquals(0, opening.awaited);
        assertEquals(1, opening.abandoned);
    }

    @Test
    void inputBelowATargetDocumentIsRefusedAndTheTargetAbandoned() throws IOException {
        write("repo/staging/target.yaml", TARGET);
        write("repo/staging/web/lb.yaml", LOAD_BALANCER);
        RecordedOpening opening = new RecordedOpening();
        Path below = dir.resolve("repo/staging/web");
        UserFacingException refused = assertThrows(UserFacingException.class, () -> loading.load(below, Optional.empty(), opening));
        assertTrue(refused.getMessage().startsWith(below + " lies below the Target document at "), refused.getMessage());
        assertEquals(0, opening.awaited);
        assertEquals(1, opening.abandoned);
    }

    @Test
    void aCommandOfOneTargetRefusesTargetDocumentsBeforeAwaiting() throws IOException {
        write("repo/staging/target.yaml", TARGET);
        write("repo/staging/lb.yaml", LOAD_BALANCER);
        RecordedOpening opening = new RecordedOpening();
        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> loading.loadOneTarget(dir.resolve("repo"), Optional.empty(), opening));
        assertTrue(refused.getMessage().startsWith("the input holds Target documents (staging)"), refused.getMessage());
        assertEquals(0, opening.awaited);
        assertEquals(1, opening.abandoned);
    }

    @Test
    void anEmptyDirectoryIsTheEmptyStateOnlyWithAStack() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        RecordedOpening withStack = new RecordedOpening();
        try (ConnectedInput loaded = loading.loadOneTarget(dir.resolve("empty"), Optional.of("prod"), withStack)) {
            assertTrue(loaded.desired().loadBalancers().isEmpty());
        }
        RecordedOpening without = new RecordedOpening();
        assertThrows(RuntimeException.class, () -> loading.loadOneTarget(dir.resolve("empty"), Optional.empty(), without));
        assertEquals(1, without.abandoned);
        assertEquals(0, without.awaited);
    }
}
