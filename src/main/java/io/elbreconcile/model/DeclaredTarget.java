package io.elbreconcile.model;

import io.elbreconcile.diag.SourceLocation;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code kind: Target} document: which account and region the documents of its directory (and
 * below) are reconciled against (PRODUCT.md section 16). Absent members are null and resolved the
 * way the SDK does.
 *
 * @param directory the directory it governs, as the input's paths show it
 * @param origin where the document was written
 */
public record DeclaredTarget(String name, String region, String profile, String roleArn, String externalId,
                             String endpointUrl, String directory, SourceLocation origin) {

    /** IAM role ARNs in any partition: the account is the fifth field (IAM's documented ARN format). */
    public static final Pattern ROLE_ARN = Pattern.compile(
            "arn:aws(?:-[a-z]+)*:iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})");

    public DeclaredTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(origin, "origin");
    }

    /** The account of the role, known without any call; empty without a role. */
    public Optional<String> roleAccount() {
        if (roleArn == null) {
            return Optional.empty();
        }
        Matcher matcher = ROLE_ARN.matcher(roleArn);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
