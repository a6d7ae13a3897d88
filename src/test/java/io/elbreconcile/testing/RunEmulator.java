package io.elbreconcile.testing;

import io.elbreconcile.emulator.EmulatorConfig;
import io.elbreconcile.emulator.EmulatorServer;

import java.nio.file.Path;

/**
 * Starts an emulator by hand until killed, for trying it with the AWS CLI:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.elbreconcile.testing.RunEmulator 4566 [state.json]}.
 */
public final class RunEmulator {
    private RunEmulator() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmulatorConfig config = EmulatorConfig.embedded(args.length > 1 ? Path.of(args[1]) : null)
                .withPort(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        EmulatorServer server = EmulatorServer.start(config);
        System.out.println("emulator listening at " + server.endpoint());
        Thread.currentThread().join();
    }
}
