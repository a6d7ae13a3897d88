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

    @Option(names = "--max-rps", paramLabel = "N",
            description = "Client-side limit of API requests per second across all threads"
                    + " (default: 10, AWS's planning figure; none for an endpoint on this machine; 0 = none).")
    Double maxRequestsPerSecond;

    /** The rate asked for; negative when not given, which lets the target decide (TargetSettings). */
    double requestsPerSecond() {
        if (maxRequestsPerSecond == null) {
            return -1;
        }
        if (maxRequestsPerSecond < 0 || maxRequestsPerSecond.isNaN() || maxRequestsPerSecond.isInfinite()) {
            throw new io.elbreconcile.diag.UserFacingException("--max-rps must be a number of requests per second, 0 for no limit; not "
                    + maxRequestsPerSecond);
        }
        return maxRequestsPerSecond;
    }

    /** The target options as given, ready to repeat on another command line (e.g. the apply of a saved plan). */
    String asArguments() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (emulator != null) {
            out.add(emulator.isEmpty() ? "--emulator" : "--emulator=" + shellWord(emulator));
        }
        if (endpointUrl != null) {
            out.add("--endpoint-url " + shellWord(endpointUrl));
        }
        if (region != null) {
            out.add("--region " + shellWord(region));
        }
        if (profile != null) {
            out.add("--profile " + shellWord(profile));
        }
        return String.join(" ", out);
    }

    static String shellWord(String text) {
        return text.matches("[A-Za-z0-9_./:=@%+,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    boolean usesEmbeddedEmulator() {
        return emulator != null;
    }

    Path emulatorStateFile() {
        return emulator == null || emulator.isBlank() ? DEFAULT_EMULATOR_STATE : Path.of(emulator);
    }
}
