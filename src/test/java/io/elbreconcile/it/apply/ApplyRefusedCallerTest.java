package io.elbreconcile.it.apply;

import io.elbreconcile.cli.ExitCodes;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.testing.EmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PRODUCT.md section 6, last row: when AWS refuses the caller itself (permissions, credentials),
 * every further call would fail too, so apply fails fast with one line: no retries, no stack
 * trace, and the steps not yet started are skipped rather than tried.
 */
@ExtendWith(EmulatorExtension.class)
class ApplyRefusedCallerTest {

    @ParameterizedTest(name = "{1} ({0}) on {2}")
    @CsvSource({
            "403, AccessDenied, CreateLBCookieStickinessPolicy",
            "400, ExpiredToken, CreateLBCookieStickinessPolicy",
            "403, AccessDenied, DescribeLoadBalancers",
            "403, InvalidClientTokenId, DescribeLoadBalancers"})
    void failsFastWithOneLine(int status, String code, String refusedAction, EmulatorServer emulator, @TempDir Path dir) {
        Path input = Harness.write(dir, "fleet.yaml",
                Harness.loadBalancer("a", "", Harness.http(80, 8080, "a-sticky")), Harness.lbCookie("a", "a-sticky", 60),
                Harness.loadBalancer("b", "", Harness.http(80, 8080, "b-sticky")), Harness.lbCookie("b", "b-sticky", 60));
        try (LossyProxy proxy = LossyProxy.refusing(emulator.endpoint(), Set.of(refusedAction), status, code)) {
            Harness.Result result = Harness.cli("apply", input.toString(), "--auto-approve", "--parallelism", "1",
                    "--endpoint-url", proxy.endpoint().toString(), "--region", Harness.REGION);

            assertEquals(ExitCodes.ERROR, result.code(), result.err());
            assertTrue(result.err().contains(refusedAction + ": " + code + ": refused by the test proxy"), result.err());
            assertFalse(result.err().contains("\tat "), "no stack trace: " + result.err());
            assertEquals(1, proxy.lost().size(), "refused once, never retried: " + proxy.lost());
            if (refusedAction.startsWith("Describe")) {
                assertEquals(0, emulator.mutatingCallCount(), "a refused read stops before any change");
            } else {
                assertTrue(result.out().contains("0 retries"), result.out());
                assertTrue(result.out().contains("skipped"), "the steps after the refusal are skipped: " + result.out());
            }
        }
    }
}
