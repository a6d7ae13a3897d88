package io.elbreconcile.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the commands that talk to ELB send their calls (PRODUCT.md section 4, target options). */
final class TargetOptions {

    static final Path DEFAULT_EMULATOR_STATE = Path.of(".elb-reconcile", "emulator.json");

    @Option(names = "--emulator", arity = "0..1", paramLabel = "STATEFILE", fallbackValue = "",
            description = "Use the embedded emulator (no AWS account), its world kept in STATEFILE"
                    + " (default .elb-reconcile/emulator.json) so separate runs see the same state.")
    String emulator;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "ELB endpoint, e.g. an emulator started with 'emulator serve' (default: the SDK's; AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING is honoured).")
    String endpointUrl;

    @Option(names = "--region", description = "AWS region (default: the SDK's chain, e.g. AWS_REGION or the profile).")
    String region;

    @Option(names = "--profile", description = "Named profile of ~/.aws/config and ~/.aws/credentials.")
    String profile;

    @Option(names = "--max-rps", paramLabel = "N", defaultValue = "-1",
            description = "Client-side limit of API requests per second across all threads"
                    + " (default: 10, AWS's planning figure; none for an endpoint on this machine; 0 = none).")
    double maxRequestsPerSecond;

    boolean usesEmbeddedEmulator() {
        return emulator != null;
    }

    Path emulatorStateFile() {
        return emulator == null || emulator.isBlank() ? DEFAULT_EMULATOR_STATE : Path.of(emulator);
    }
}
