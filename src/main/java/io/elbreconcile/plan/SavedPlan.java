package io.elbreconcile.plan;

import io.elbreconcile.model.InputText;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A plan as {@code plan --out} saves it: the plan, the input it was made from (every file's text,
 * sorted by path) and, when a key was set, a MAC of the whole. The plan part is a commitment, not
 * a script: apply re-plans from {@link #inputs} and a fresh observation and runs only a plan equal
 * to it.
 *
 * @param text the file exactly as read, kept for the MAC check and the comparison with a fresh plan
 * @param mac null when the file carries none
 */
public record SavedPlan(Plan plan, List<InputText> inputs, String inputsDigest, String mac, String text) {

    public SavedPlan {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(inputsDigest, "inputsDigest");
        Objects.requireNonNull(text, "text");
        inputs = inputs.stream().sorted().toList();
    }

    /** False when the recorded files are not the ones the recorded digest was made of. */
    public boolean inputsMatchDigest() {
        return inputsDigest.equals(digestOf(inputs));
    }

    /**
     * The digest of recorded input: SHA-256 over each file, in path order, as
     * {@code <bytes of path>:<path><bytes of text>:<text>} so that no two inputs share a digest.
     */
    public static String digestOf(List<InputText> inputs) {
        StringBuilder canonical = new StringBuilder();
        for (InputText input : inputs.stream().sorted().toList()) {
            canonical.append(input.path().getBytes(StandardCharsets.UTF_8).length).append(':').append(input.path())
                    .append(input.text().getBytes(StandardCharsets.UTF_8).length).append(':').append(input.text());
        }
        return Fingerprints.sha256(canonical.toString());
    }
}
