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
        assertEquals("Weird: first\\nsecond\\r\\u001b[2Jcleared", error.oneLine());
    }

    @Test
    void aLongAnswerShowsItsFirst120CharactersButOurOwnTextIsKeptWhole() {
        String huge = "x".repeat(200_000);
        PortError answered = new PortError(ErrorKind.OTHER, "Code" + huge, "name " + huge, 400, null, "DescribeTags", null);
        assertEquals("DescribeTags: Code" + "x".repeat(116) + "…: name " + "x".repeat(115) + "…", answered.oneLine());

        String ours = "no AWS credentials found ".repeat(8);
        PortError unanswered = new PortError(ErrorKind.REJECTED, "MissingCredentials", ours, 0, null, null, null);
        assertEquals("MissingCredentials: " + ours, unanswered.oneLine());
    }
}
