package io.elbreconcile.it;

import io.elbreconcile.cli.Main;
import io.elbreconcile.emulator.EmulatorServer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs the real CLI in-process against a running emulator over HTTP and captures what it prints. */
public final class Cli {

    /** What one run printed and returned. */
    public record Result(int code, String out, String err) {
        public List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        public List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** {@code command ARGS... --endpoint-url URL --region us-east-1}. */
    public static Result against(EmulatorServer emulator, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--endpoint-url");
        all.add(emulator.endpoint().toString());
        all.add("--region");
        all.add("us-east-1");
        return run(all.toArray(String[]::new));
    }
}
