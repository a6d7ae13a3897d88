package io.elbreconcile.testing;

/** Public keys for back-end authentication tests: RSA 1024, X.509 SubjectPublicKeyInfo, base64 (no PEM lines). */
public final class PublicKeys {

    public static final String FIRST = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDRPtSX7KZVlivpP5uqaCwlQBOCvTvOHPe25d4eLttvtB6Q4BrOqOQK"
            + "/P1eP0Wly4EouMbcRCnqaX3iRoqMErCxVTrSkgqHtMbL2KdHAJSqO/EwlmpAlkKWac8i7sUGzVTVDyOTxlSMNFfU1ews0cJtp8F1PS838VSBUTqBrNeWcwIDAQAB";

    public static final String SECOND = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC9DuMu5x+immFPIlZYDgyyunaWDxw5YergX2WyuKQHo+yYa3+FuMCKr6l4"
            + "XtqvFtYFuE8bGrWB6M+w3gI5mT8WRvmpRVLq9c5B8pxbFWKKib2gAYs6b/5ahjin4J5826lO2FX6nyPU9C3z+sxD4lOEutjgJ4ARh4ZkV6ga+WlhawIDAQAB";

    private PublicKeys() {
    }
}
