package io.elbreconcile.cli;

import io.elbreconcile.aws.StillWaiting;
import io.elbreconcile.diag.UserFacingException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

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

    @Option(names = "--call-timeout", paramLabel = "SECONDS",
            description = "The longest one API call may take, its retries included, before the command ends naming the"
                    + " endpoint (default: 45). After 5 s of waiting (or half this limit), stderr says what it waits for.")
    Double callTimeoutSeconds;

    /** The command this mixin belongs to: where its notices go. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The call timeout asked for, or null for the default. */
    Duration callTimeout() {
        if (callTimeoutSeconds == null) {
            return null;
        }
        if (callTimeoutSeconds.isNaN() || callTimeoutSeconds < 0.1 || callTimeoutSeconds > 3600) {
            throw new UserFacingException("--call-timeout must be a number of seconds from 0.1 to 3600, not "
                    + TargetOptions.shellWord(String.valueOf(callTimeoutSeconds)));
        }
        return Duration.ofMillis(Math.round(callTimeoutSeconds * 1000));
    }

    /** Says on stderr what a slow endpoint keeps the command waiting for. */
    StillWaiting stillWaiting() {
        if (command == null) {
            return StillWaiting.NOBODY;
        }
        PrintWriter err = command.commandLine().getErr();
        return (endpoint, operation, otherCalls, waited) -> {
            err.println("still waiting for " + endpoint + " (" + operation
                    + (otherCalls == 0 ? "" : " and " + otherCalls + " more call" + (otherCalls == 1 ? "" : "s"))
                    + ", " + waited.toSeconds() + " s)...");
            err.flush();
        };
    }

    /** The rate asked for; negative when not given, which lets the target decide (TargetSettings). */
    double requestsPerSecond() {
        if (maxRequestsPerSecond == null) {
            return -1;
        }
        if (maxRequestsPerSecond < 0 || maxRequestsPerSecond.isNaN() || maxRequestsPerSecond.isInfinite()) {
            throw new UserFacingException("--max-rps must be a number of requests per second, 0 for no limit; not "
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
        if (callTimeoutSeconds != null) {
            out.add("--call-timeout " + shellWord(String.valueOf(callTimeoutSeconds)));
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
        if (emulator != null && emulator.startsWith("-")) {
            // picocli hands an unknown option after --emulator to it as its optional value.
            String shown = io.elbreconcile.diag.Printable.value(emulator);
            throw new UserFacingException("--emulator: '" + shown + "' is an unknown option, not a state file"
                    + " (for a file of that name, write --emulator=./" + shown + ")");
        }
        return emulator == null || emulator.isBlank() ? DEFAULT_EMULATOR_STATE : Path.of(emulator);
    }
}
