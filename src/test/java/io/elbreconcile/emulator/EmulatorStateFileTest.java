package io.elbreconcile.emulator;

import io.elbreconcile.testing.ElbClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state file: saved after each change, reloaded on start, corrupt files refused in one line. */
class EmulatorStateFileTest {

    @Test
    void worldSurvivesARestart(@TempDir Path directory) throws IOException, InterruptedException {
        Path state = directory.resolve("state.json");
        LoadBalancerDescription before;
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(state));
             ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            EmulatorSeedFlowTest.createSeedLoadBalancer(elb);
            elb.createLBCookieStickinessPolicy(r -> r.loadBalancerName("my-load-balancer").policyName("p").cookieExpirationPeriod(60L));
            elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("my-load-balancer").loadBalancerPort(80).policyNames("p"));
            elb.addTags(r -> r.loadBalancerNames("my-load-balancer").tags(Tag.builder().key("env").value("dev").build()));
            // Saved in the background while serving, not only at close: a killed emulator keeps its world
            // up to the last fraction of a second.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            while (!(Files.exists(state) && Files.readString(state).contains("\"env\"")) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(Files.readString(state).contains("\"formatVersion\":2"));
            assertTrue(Files.readString(state).contains("\"env\""), "saved without closing");
            before = elb.describeLoadBalancers().loadBalancerDescriptions().get(0);
        }
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(state));
             ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            assertEquals(before, elb.describeLoadBalancers().loadBalancerDescriptions().get(0));
            assertEquals("dev", elb.describeTags(r -> r.loadBalancerNames("my-load-balancer")).tagDescriptions().get(0).tags().get(0).value());
        }
        try (var files = Files.list(directory)) {
            assertEquals(List.of(state), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aSecondEmulatorOnTheSameStateFileIsRefusedUntilTheFirstCloses(@TempDir Path directory) {
        Path state = directory.resolve("state.json");
        EmulatorServer first = EmulatorServer.start(EmulatorConfig.embedded(state));
        // The same file by another spelling of its path is the same file.
        Path sameFile = directory.resolve(".").resolve("state.json");
        EmulatorStateException refused = assertThrows(EmulatorStateException.class,
                () -> EmulatorServer.start(EmulatorConfig.embedded(sameFile)));
        assertTrue(refused.getMessage().contains("in use by another emulator") && refused.getMessage().contains("state.json"),
                refused.getMessage());
        try (EmulatorServer other = EmulatorServer.start(EmulatorConfig.embedded(directory.resolve("other.json")))) {
            assertTrue(other.port() > 0, "another state file is free");
        }
        first.close();
        try (EmulatorServer again = EmulatorServer.start(EmulatorConfig.embedded(state))) {
            assertTrue(again.port() > 0, "free again once the first emulator closed");
        }
    }

    @Test
    void closingTwiceIsHarmless(@TempDir Path directory) {
        EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(directory.resolve("state.json")));
        emulator.close();
        emulator.close();
        assertFalse(Files.exists(directory.resolve("state.json")), "nothing changed, nothing written");
    }

    @Test
    void missingFileIsAnEmptyWorld(@TempDir Path directory) {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.embedded(directory.resolve("absent.json")));
             ElasticLoadBalancingClient elb = ElbClients.forEndpoint(emulator.endpoint())) {
            assertTrue(elb.describeLoadBalancers().loadBalancerDescriptions().isEmpty());
        }
    }

    @Test
    void corruptFileIsAOneLineErrorNamingTheFile(@TempDir Path directory) throws IOException {
        Path state = directory.resolve("state.json");
        for (String content : List.of("{\"formatVersion\":1,\"world\":{\"loadBalancers\":", "not json at all",
                "{\"formatVersion\":99,\"world\":{\"loadBalancers\":{}}}", "{\"formatVersion\":1,\"world\":{\"loadBalancers\":{\"a\":{\"name\":1}}}}")) {
            Files.writeString(state, content);
            EmulatorStateException e = assertThrows(EmulatorStateException.class,
                    () -> EmulatorServer.start(EmulatorConfig.embedded(state)));
            assertTrue(e.getMessage().contains(state.toString()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void portInUseIsAClearError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            EmulatorStateException e = assertThrows(EmulatorStateException.class,
                    () -> EmulatorServer.start(EmulatorConfig.embedded(null).withPort(taken.getLocalPort())));
            assertTrue(e.getMessage().contains(Integer.toString(taken.getLocalPort())), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }
}
