package io.elbreconcile.cli.view;

import io.elbreconcile.drift.Difference;
import io.elbreconcile.drift.DriftKind;
import io.elbreconcile.drift.DriftReport;
import io.elbreconcile.model.Address;
import io.elbreconcile.model.Target;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DriftTextViewTest {

    private static final Target TARGET = new Target("http://127.0.0.1:4566", "us-east-1", null);

    private static String render(Difference difference) {
        DriftReport report = new DriftReport(TARGET, Instant.EPOCH, List.of(difference), 6);
        return new DriftTextView().render(report).lines().findFirst().orElseThrow();
    }

    @Test
    void anUndeclaredListenerSaysWhatIsThereAndWhyNotWantNoneAfterEachField() {
        Difference listener = new Difference(DriftKind.CHANGED, Address.parse("Listener/web/81"),
                new TreeMap<>(Map.of("protocol", "TCP", "loadBalancerPort", 81L, "instanceProtocol", "TCP", "instancePort", 81L)),
                new TreeMap<>(), "not declared: listeners of a managed load balancer are reconciled", Optional.of("web.yaml:5"));

        assertEquals("changed   Listener/web/81  instancePort: 81; instanceProtocol: \"TCP\"; loadBalancerPort: 81;"
                + " protocol: \"TCP\"; not declared: listeners of a managed load balancer are reconciled", render(listener));
    }

    @Test
    void aTagGitDoesNotHaveStillSaysWhatGitWants() {
        Difference tags = new Difference(DriftKind.CHANGED, Address.parse("Tags/web"), new TreeMap<>(Map.of("team", "ops")),
                new TreeMap<>(), "", Optional.of("web.yaml:10"));

        assertEquals("changed   Tags/web  team: \"ops\" (want (none))", render(tags));
    }
}
