package io.elbreconcile.cli;

/** Exit codes of PRODUCT.md section 4, by name. */
public final class ExitCodes {

    /** Success: valid input, no changes, converged, no drift. */
    public static final int OK = 0;
    /** Invalid input, a failed step, a refused plan, any error. */
    public static final int ERROR = 1;
    /** {@code plan --detailed-exitcode}: there are changes; {@code drift}: there is drift; {@code apply}: held-back changes remain. */
    public static final int CHANGES = 2;

    private ExitCodes() {
    }
}
