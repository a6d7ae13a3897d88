package io.elbreconcile.testing;

/** What raw-HTTP tests send as AWS authentication: the emulator checks that it is there, not what it says. */
public final class TestSignature {
    /** An Authorization header of the shape the SDKs send, for us-east-1. */
    public static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDTEST/20260101/us-east-1/elasticloadbalancing/aws4_request,"
            + " SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000";

    private TestSignature() {
    }
}
