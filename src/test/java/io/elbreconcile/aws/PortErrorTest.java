package io.elbreconcile.aws;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PortErrorTest {

    @Test
    void oneLineNamesOperationCodeAndMessage() {
        PortError error = new PortError(ErrorKind.REJECTED, "DuplicatePolicyName", "Policy Name [p] already exists.", 400,
                "req-1", "CreateLBCookieStickinessPolicy", null);
        assertEquals("CreateLBCookieStickinessPolicy: DuplicatePolicyName: Policy Name [p] already exists.", error.oneLine());
    }

    @Test
    void aMessageFromTheFarEndCannotBreakTheLineOrReachTheTerminalRaw() {
        PortError error = new PortError(ErrorKind.REJECTED, "Weird", "first\nsecond\r\u001b[2Jcleared", 400, null, null, null);
        assertEquals("Weird: first\\nsecond\\u000d\\u001b[2Jcleared", error.oneLine());
    }
}
