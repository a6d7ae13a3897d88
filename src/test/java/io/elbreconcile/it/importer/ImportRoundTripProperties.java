package io.elbreconcile.it.importer;

import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.it.Cli;
import io.elbreconcile.it.Fleets;
import io.elbreconcile.it.Fleets.LbSpec;
import io.elbreconcile.testing.ElbClients;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Any fleet, built through the SDK, imported with {@code import --all}, plans with no change:
 * the importer writes exactly what the loader and the planner read back as equal.
 */
class ImportRoundTripProperties {

    private static EmulatorServer emulator;
    private static ElasticLoadBalancingClient elb;

    @BeforeContainer
    static void start() {
        emulator = EmulatorServer.start(EmulatorConfig.embedded(null));
        elb = ElbClients.forEndpoint(emulator.endpoint());
    }

    @AfterContainer
    static void stop() {
        elb.close();
        emulator.close();
    }

    @Property(tries = 20)
    void importedFleetPlansNoChange(@ForAll("fleets") List<LbSpec> fleet) throws IOException {
        emulator.reset();
        fleet.forEach(lb -> Fleets.build(elb, lb));
        Statistics.label("load balancers").collect(fleet.size());
        Statistics.label("with proxy protocol").collect(fleet.stream().anyMatch(LbSpec::proxyProtocol));
        Statistics.label("with back-end authentication").collect(fleet.stream().anyMatch(lb -> lb.proxyProtocol()
                && lb.listeners().stream().anyMatch(l -> l.instanceProtocol().equals("HTTPS") || l.instanceProtocol().equals("SSL"))));
        Path out = Files.createTempDirectory("import-property");
        try {
            Cli.Result imported = Cli.against(emulator, "import", "--all", "--out", out.toString());
            assertEquals(0, imported.code(), imported::toString);
            long mutating = emulator.mutatingCallCount();
            Cli.Result plan = Cli.against(emulator, "plan", out.toString(), "--detailed-exitcode");
            assertEquals(0, plan.code(), () -> plan + "\n" + ImportCommandTest.dump(out));
            assertEquals(mutating, emulator.mutatingCallCount());
        } finally {
            try (Stream<Path> files = Files.walk(out)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Provide
    Arbitrary<List<LbSpec>> fleets() {
        return Fleets.fleets();
    }
}
