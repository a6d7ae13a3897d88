package io.elbreconcile.emulator.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopbackHostTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:4566", "127.1.2.3:80", "localhost", "LOCALHOST:8080", "[::1]",
            "[::1]:4566", " 127.0.0.1:1 "})
    void loopbackNamesPass(String host) {
        assertTrue(LoopbackHost.names(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:4566", "localhost.evil.example", "127.0.0.1.evil.example",
            "128.0.0.1", "127.0.0.256", "10.0.0.1:80", "[::2]", "[::1", "[::1]x", "127.0.0.1:port", "127.0.0.1:",
            "0.0.0.0", "", "localhost:80:80"})
    void everyOtherNameIsRefused(String host) {
        assertFalse(LoopbackHost.names(host), host);
    }
}
