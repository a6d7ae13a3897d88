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
        int named = commandIndex(args);
        if (named >= 0 && LOADING_COMMANDS.contains(args[named])) {
            io.elbreconcile.spec.SpecLoader.prepareInBackground();
        }
        if (named >= 0 && args[named].equals("emulator") && java.util.Arrays.asList(args).subList(named, args.length).contains("serve")) {
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
    private static Map<String, Supplier<Object>> commands(InputStream in, Map<String, String> env) {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("validate", ValidateCommand::new);
        commands.put("plan", () -> new PlanCommand(env));
        commands.put("apply", () -> new ApplyCommand(in, env));
        commands.put("show", ShowCommand::new);
        commands.put("drift", DriftCommand::new);
        commands.put("import", ImportCommand::new);
        commands.put("graph", GraphCommand::new);
        commands.put("emulator", EmulatorCommand::new);
        commands.put("completion", CompletionCommand::new);
        return commands;
    }

    /**
     * Where the command's name stands: the first argument that is not an option. The global
     * options before it are flags, so no option value can be mistaken for it. -1 when there is none.
     */
    static int commandIndex(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("-")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Picocli reflects over every registered command when the command line is built, a quarter of
     * a second for all of them; a run that names its command only pays for that one. Completion
     * describes every command, so it gets them all.
     */
    private static void addSubcommands(CommandLine commandLine, InputStream in, Map<String, String> env, String... args) {
        Map<String, Supplier<Object>> commands = commands(in, env);
        int index = commandIndex(args);
        String name = index >= 0 ? args[index] : null;
        Supplier<Object> named = name != null && !name.equals("completion") ? commands.get(name) : null;
        if (named != null) {
            commandLine.addSubcommand(name, named.get());
            return;
        }
        commands.forEach((each, command) -> commandLine.addSubcommand(each, command.get()));
    }

    /** Runs one command with output to the given writers; tests call this directly. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(System.in, out, err, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, with the input apply reads its confirmation from. */
    public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        return run(in, System.getenv(), out, err, args);
    }

    /** As {@link #run(InputStream, PrintWriter, PrintWriter, String...)}, with the environment it reads (e.g. ELB_RECONCILE_PLAN_KEY). */
    public static int run(InputStream in, Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        addSubcommands(commandLine, in, Map.copyOf(env), args);
        commandLine.setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                // A misspelt option is an error, never the value of an option before it
                // ("--emulator --frmat" would otherwise keep the world in a file named --frmat).
                .setUnmatchedOptionsAllowedAsOptionParameters(false)
                .setExecutionExceptionHandler(new OneLineErrorHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
