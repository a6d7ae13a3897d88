package io.elbreconcile.cli;

import io.elbreconcile.diag.UserFacingException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Apply's question before its first change: granted by {@code --auto-approve}, or by answering exactly 'yes'. */
record Confirmation(boolean autoApprove, InputStream answers, PrintWriter out) {

    /** Whether to go on; asks (on {@code out}) only without {@code --auto-approve}. */
    boolean granted(String question) {
        return autoApprove || asked(question);
    }

    static String forSteps(int steps) {
        return steps == 1 ? "Apply this step?" : "Apply these " + steps + " steps?";
    }

    static String forTargets(int targets) {
        return "Apply these changes to " + targets + " targets?";
    }

    private boolean asked(String question) {
        out.print(question + " Only 'yes' is accepted: ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(answers, StandardCharsets.UTF_8)).readLine();
            if (answer == null) {
                throw new UserFacingException("no confirmation (stdin is closed); pass --auto-approve to apply without asking");
            }
            return answer.trim().equals("yes");
        } catch (IOException e) {
            throw new UserFacingException("cannot read the confirmation: " + e.getMessage());
        }
    }
}
