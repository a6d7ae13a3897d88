package io.elbreconcile.spec;

import io.elbreconcile.model.IgnoreChanges;

import java.util.ArrayList;
import java.util.List;

/** What a misspelt {@code ignoreChanges} path is compared with for a "did you mean". */
final class IgnoreChangesVocabulary {

    static final String SHAPES = "healthCheck, healthCheck.<field>, attributes.<name>, tags.<key>, securityGroups, "
            + "listeners.<port>.sslCertificateId";

    private IgnoreChangesVocabulary() {
    }

    /**
     * The fixed paths, plus the free-form ones completed from what was typed: {@code tag.CostCenter}
     * is compared with {@code tags.CostCenter}, {@code listener.443.sslCertificate} with
     * {@code listeners.443.sslCertificateId}.
     */
    static List<String> candidatesFor(String typed) {
        List<String> candidates = new ArrayList<>(IgnoreChanges.fixedPaths());
        int dot = typed.indexOf('.');
        if (dot >= 0 && dot + 1 < typed.length()) {
            candidates.add("tags." + typed.substring(dot + 1));
        }
        String digits = typed.replaceAll("[^0-9]", "");
        if (!digits.isEmpty() && digits.length() <= 5) {
            candidates.add("listeners." + digits + ".sslCertificateId");
        }
        return candidates;
    }
}
