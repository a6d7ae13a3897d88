package io.elbreconcile.cli;

import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Entry point. {@code System.out}, {@code System.err} and {@code System.exit} appear only here. */
public final class Main {

    private Main() {
    }

    /** Commands that read YAML: their schema is compiled while picocli parses the command line. */
    private static final java.util.Set<String> LOADING_COMMANDS = java.util.Set.of("validate", "plan", "apply", "drift", "graph");

    public static void main(String[] args) {
        if (args.length > 0 && LOADING_COMMANDS.contains(args[0])) {
            io.elbreconcile.spec.SpecLoader.prepareInBackground();
        }
        if (args.length > 1 && args[0].equals("emulator") && args[1].equals("serve")) {
            io.elbreconcile.emulator.EmulatorServer.warmUpInBackground();
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Every command, in the order --help lists them. */
    private static Map<String, Supplier<Object>> commands(InputStream in) {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("validate", ValidateCommand::new);
        commands.put("plan", PlanCommand::new);
        commands.put("apply", () -> new ApplyCommand(in));
        commands.put("drift", DriftCommand::new);
        commands.put("import", ImportCommand::new);
        commands.put("graph", GraphCommand::new);
        commands.put("emulator", EmulatorCommand::new);
        return commands;
    }

    /**
     * Picocli reflects over every registered command when the command line is built, a quarter of
     * a second for all of them; a run that names its command only pays for that one.
     */
    private static void addSubcommands(CommandLine commandLine, InputStream in, String... args) {
        Map<String, Supplier<Object>> commands = commands(in);
        Supplier<Object> named = args.length > 0 ? commands.get(args[0]) : null;
        if (named != null) {
            commandLine.addSubcommand(args[0], named.get());
            return;
        }
        commands.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
    }

    /** Runs one command with output to the given writers; tests call this directly. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(System.in, out, err, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, with the input apply reads its confirmation from. */
    public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        addSubcommands(commandLine, in, args);
        commandLine.setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new OneLineErrorHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
