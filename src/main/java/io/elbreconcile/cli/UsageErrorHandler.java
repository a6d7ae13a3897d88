package io.elbreconcile.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

import io.elbreconcile.spec.DidYouMean;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.Set;

/** A usage mistake is an error like any other: one line, a pointer to --help, exit 1. */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine commandLine = failure.getCommandLine();
        PrintWriter err = commandLine.getErr();
        // Some of picocli's messages carry their own "Error: " prefix.
        Optional<String> hint = closestOption(failure);
        err.println("error: " + failure.getMessage().replaceFirst("^Error: ", "") + hint.map(h -> " (" + h + ")").orElse(""));
        if (hint.isEmpty()) {
            CommandLine.UnmatchedArgumentException.printSuggestions(failure, err);
        }
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCodes.ERROR;
    }

    /** "did you mean '--format'?" for a misspelt option, as the YAML's misspelt fields get (picocli's own misses "--frmat"). */
    private static Optional<String> closestOption(ParameterException failure) {
        if (!(failure instanceof CommandLine.UnmatchedArgumentException unmatched)) {
            return Optional.empty();
        }
        Set<String> options = failure.getCommandLine().getCommandSpec().optionsMap().keySet();
        for (String argument : unmatched.getUnmatched()) {
            if (argument.startsWith("--")) {
                String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
                Optional<String> closest = DidYouMean.closest(name, options.stream().filter(o -> o.startsWith("--")).toList());
                if (closest.isPresent()) {
                    return Optional.of("did you mean '" + closest.get() + "'?");
                }
            }
        }
        return Optional.empty();
    }
}
