package io.elbreconcile.plan;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * HMAC-SHA256 of a saved plan's canonical content, so that a plan passed between CI jobs is
 * applied only as the job that made it wrote it. The key is the text of
 * {@code ELB_RECONCILE_PLAN_KEY}; the canonical content is {@link PlanCodec#canonicalContent}.
 */
public final class PlanSeal {

    public static final String PREFIX = "hmac-sha256:";

    private PlanSeal() {
    }

    public static String mac(String key, String canonicalContent) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(hmac.doFinal(canonicalContent.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** Compared in constant time: how much of a MAC matched must not leak. */
    public static boolean matches(String key, String canonicalContent, String mac) {
        byte[] expected = mac(key, canonicalContent).getBytes(StandardCharsets.UTF_8);
        return mac != null && MessageDigest.isEqual(expected, mac.getBytes(StandardCharsets.UTF_8));
    }
}
