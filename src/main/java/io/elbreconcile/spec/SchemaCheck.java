package io.elbreconcile.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.elbreconcile.diag.Diagnostic;
import io.elbreconcile.diag.Printable;
import io.elbreconcile.diag.SourceLocation;
import io.elbreconcile.model.Names;
import io.elbreconcile.model.ReservedTags;
import io.elbreconcile.model.SecurityPolicies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Validates one document against {@code schemas/elb-reconcile-v1.schema.json}, the single source
 * of the field rules, and turns the validator's findings into one-line diagnostics at the right
 * line and column, in words a user of this tool understands.
 */
final class SchemaCheck {

    static final String SCHEMA_RESOURCE = "/schemas/elb-reconcile-v1.schema.json";

    private final JsonNode schemaTree;
    private final JsonSchema schema;

    /** Compiling the schema is a tenth of a second; once per process is enough (validation is thread-safe). */
    private static final class Shared {
        static final SchemaCheck INSTANCE = new SchemaCheck();
    }

    static SchemaCheck shared() {
        return Shared.INSTANCE;
    }

    private SchemaCheck() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema " + SCHEMA_RESOURCE + " is missing from the build");
            }
            schemaTree = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree, config);
    }

    List<Diagnostic> check(YamlDocument document) {
        Set<Diagnostic> found = new LinkedHashSet<>();
        boolean oneOfFailed = false;
        Set<ValidationMessage> messages = schema.validate(document.tree());
        Set<String> misspelt = new java.util.HashSet<>();
        for (ValidationMessage message : messages) {
            oneOfFailed |= message.getType().equals("oneOf");
            if (message.getType().equals("additionalProperties")) {
                JsonNode known = schemaAtParentOf(message).path("properties");
                DidYouMean.closest(message.getProperty(), fieldNames(known))
                        .ifPresent(meant -> misspelt.add(Locations.child(message.getInstanceLocation().toString(), meant)));
            }
        }
        for (ValidationMessage message : messages) {
            if (oneOfFailed && message.getType().equals("required") && message.getEvaluationPath().toString().contains("/oneOf/")) {
                continue; // the oneOf message says it better than each branch's "required"
            }
            if (message.getType().equals("required")
                    && misspelt.contains(Locations.child(message.getInstanceLocation().toString(), message.getProperty()))) {
                continue; // "unknown field 'protocl' (did you mean 'protocol'?)" already explains it
            }
            found.add(translate(document, message));
        }
        return new ArrayList<>(found);
    }

    private Diagnostic translate(YamlDocument document, ValidationMessage message) {
        String pointer = message.getInstanceLocation().toString();
        Locations locations = document.locations();
        JsonNode value = message.getInstanceNode();
        String field = Printable.value(fieldName(pointer));
        SourceLocation at = locations.ofValue(pointer);
        JsonNode rule = schemaAt(message);
        return switch (message.getType()) {
            case "additionalProperties" -> unknownField(document, message);
            case "required" -> Diagnostic.at(locations.ofKey(pointer), missing(document, pointer, message.getProperty()));
            case "type" -> typeMismatch(at, pointer, field, value, rule);
            case "enum" -> Diagnostic.at(at, field + ": " + shown(value) + " is not one of " + join(rule),
                    value.isTextual() ? DidYouMean.hint(value.asText(), texts(rule)).orElse(null) : null);
            case "const" -> Diagnostic.at(at, field + " must be '" + rule.asText() + "', found " + shown(value));
            case "minimum" -> Diagnostic.at(at, field + " must be at least " + rule.asText() + ", found " + shown(value));
            case "maximum" -> Diagnostic.at(at, field + " must be at most " + rule.asText() + ", found " + shown(value));
            case "minLength", "maxLength", "pattern", "not" -> stringRule(at, pointer, field, value, message);
            case "minItems" -> Diagnostic.at(at, field + " needs at least " + rule.asText() + " item" + (rule.asInt() == 1 ? "" : "s"));
            case "maxItems" -> Diagnostic.at(at, field + " has " + value.size() + " items; at most " + rule.asText() + " are allowed");
            case "uniqueItems" -> Diagnostic.at(at, field + " lists the same item twice: " + Printable.value(value.toString()));
            case "maxProperties" -> Diagnostic.at(at, field + " has " + value.size() + " entries; at most " + rule.asText() + " are allowed");
            case "propertyNames" -> tagKey(document, pointer, message);
            case "oneOf" -> Diagnostic.at(locations.ofKey(pointer), field + ": declare exactly one of "
                    + String.join(" and ", requiredAlternatives(rule)));
            default -> Diagnostic.at(at, stripPath(message.getMessage()));
        };
    }

    private Diagnostic unknownField(YamlDocument document, ValidationMessage message) {
        String parentPointer = message.getInstanceLocation().toString();
        String name = message.getProperty();
        SourceLocation at = document.locations().ofKey(Locations.child(parentPointer, name));
        JsonNode parentRule = schemaAtParentOf(message);
        List<String> known = parentRule == null ? List.of() : fieldNames(parentRule.path("properties"));
        Optional<String> hint = knownMistake(document, parentPointer, name).or(() -> DidYouMean.hint(name, known));
        String where = parentPointer.isEmpty() ? "" : " in " + fieldName(parentPointer);
        return Diagnostic.at(at, "unknown field " + Printable.quoted(name) + Printable.value(where),
                hint.orElse(known.isEmpty() ? null : "expected one of: " + String.join(", ", known)));
    }

    /**
     * A field someone writes by analogy with AWS's attribute: a ProxyProtocolPolicy is
     * ProxyProtocol=true by being declared, and off by not being on the port.
     */
    private static Optional<String> knownMistake(YamlDocument document, String parentPointer, String name) {
        if (parentPointer.equals("/spec") && name.equalsIgnoreCase("proxyProtocol")
                && document.tree().path("kind").asText().equals("ProxyProtocolPolicy")) {
            return Optional.of("a ProxyProtocolPolicy always means ProxyProtocol=true, so drop the field; to turn the header off,"
                    + " leave the policy out of the port's backendServers entry");
        }
        return Optional.empty();
    }

    private static String missing(YamlDocument document, String pointer, String property) {
        if (property.equals("sslCertificateId")) {
            JsonNode protocol = document.tree().at(pointer + "/protocol");
            return "a listener with protocol " + protocol.asText() + " needs sslCertificateId (the ARN of its certificate)";
        }
        if (property.equals("s3BucketName")) {
            return "accessLog is enabled but has no s3BucketName";
        }
        return "missing required field '" + property + "'" + (pointer.isEmpty() ? "" : " in " + fieldName(pointer));
    }

    private static Diagnostic typeMismatch(SourceLocation at, String pointer, String field, JsonNode value, JsonNode rule) {
        String expected = join(rule);
        if (pointer.endsWith("/sslCertificateId") && expected.equals("null")) {
            return Diagnostic.at(at, "sslCertificateId is only for HTTPS and SSL listeners");
        }
        String hint = rule.asText().equals("string") && (value.isNumber() || value.isBoolean())
                ? "quote it to make it a string: \"" + value.asText() + "\"" : null;
        return Diagnostic.at(at, field + " must be " + article(expected) + ", found " + typeOf(value)
                + (value.isValueNode() && !value.isNull() ? " " + shown(value) : ""), hint);
    }

    private Diagnostic stringRule(SourceLocation at, String pointer, String field, JsonNode value, ValidationMessage message) {
        String text = value.asText();
        String evaluation = message.getSchemaLocation().toString();
        if (evaluation.contains("/$defs/loadBalancerName/")) {
            return Diagnostic.at(at, Names.loadBalancerNameProblem(text).orElse("invalid load balancer name " + Printable.quoted(text)));
        }
        if (evaluation.contains("/$defs/ignoreChangesPath/")) {
            return Diagnostic.at(at, "ignoreChanges: unknown path '" + text + "'",
                    DidYouMean.hint(text, IgnoreChangesVocabulary.candidatesFor(text))
                            .orElse("expected one of: " + IgnoreChangesVocabulary.SHAPES));
        }
        if (evaluation.contains("/$defs/sslPolicyGlob/") && message.getType().equals("pattern")) {
            return Diagnostic.at(at, "allowedSslPolicies: " + Printable.quoted(text) + " is not a glob of policy names"
                    + " (letters, digits, - and * only)", DidYouMean.hint(text, SecurityPolicies.allowListVocabulary()).orElse(null));
        }
        if (evaluation.contains("/$defs/policyName/")) {
            if (message.getType().equals("not")) {
                return Diagnostic.at(at, "policy name " + Printable.quoted(text) + " is reserved: names ending in -elbr-tmp are elb-reconcile's temporary policies");
            }
            if (message.getType().equals("maxLength")) {
                return Diagnostic.at(at, "policy name " + Printable.quoted(text) + " is " + text.length() + " characters; the limit is 255");
            }
            return Diagnostic.at(at, Names.policyNameProblem(text).orElse("invalid policy name " + Printable.quoted(text)));
        }
        JsonNode rule = schemaAt(message);
        return switch (message.getType()) {
            case "minLength" -> Diagnostic.at(at, field + " must not be shorter than " + rule.asText() + " characters, found " + shown(value));
            case "maxLength" -> Diagnostic.at(at, field + " is " + text.length() + " characters; the limit is " + rule.asText());
            default -> Diagnostic.at(at, field + ": " + shown(value) + " is not valid"
                    + Optional.ofNullable(schemaAtParentOf(message)).map(p -> p.path("description").asText(""))
                    .filter(d -> !d.isEmpty()).map(d -> " (expected " + d.replaceAll("\\.$", "") + ")").orElse(""));
        };
    }

    private Diagnostic tagKey(YamlDocument document, String pointer, ValidationMessage message) {
        String key = message.getProperty();
        SourceLocation at = document.locations().ofKey(Locations.child(pointer, key));
        if (ReservedTags.isReserved(key)) {
            return Diagnostic.at(at, "tag key " + Printable.quoted(key) + " is reserved (aws: belongs to AWS, elb-reconcile: to this tool)");
        }
        if (key.isEmpty() || key.length() > 128) {
            return Diagnostic.at(at, "tag key " + Printable.quoted(key) + " must be 1-128 characters long");
        }
        return Diagnostic.at(at, "tag key " + Printable.quoted(key) + " may contain only letters, digits, spaces and _ . : / = + - @");
    }

    /** The schema node of the keyword that failed, e.g. the array of an {@code enum}. */
    private JsonNode schemaAt(ValidationMessage message) {
        return schemaTree.at(message.getSchemaLocation().getFragment().toString());
    }

    private JsonNode schemaAtParentOf(ValidationMessage message) {
        var parent = message.getSchemaLocation().getFragment().getParent();
        return parent == null ? schemaTree : schemaTree.at(parent.toString());
    }

    private static List<String> requiredAlternatives(JsonNode oneOf) {
        List<String> names = new ArrayList<>();
        for (JsonNode branch : oneOf) {
            branch.path("required").forEach(name -> names.add(name.asText()));
        }
        return names;
    }

    private static List<String> fieldNames(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** Enums longer than this (AWS's 88 cipher names) are counted, not listed: one line stays readable. */
    private static final int ENUM_LISTED_AT_MOST = 12;

    private static String join(JsonNode rule) {
        if (rule.isArray() && rule.size() > ENUM_LISTED_AT_MOST) {
            return "the " + rule.size() + " names the schema lists (see README)";
        }
        if (rule.isArray()) {
            return String.join(", ", texts(rule));
        }
        return rule.asText();
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "integer" -> "an integer";
            case "string" -> "a string";
            case "boolean" -> "true or false";
            case "null" -> "null";
            default -> type.contains(",") ? "one of " + type : "a " + type;
        };
    }

    private static String typeOf(JsonNode value) {
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isIntegralNumber()) {
            return "an integer";
        }
        if (value.isNumber()) {
            return "a decimal number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isNull()) {
            return "nothing (null)";
        }
        return "a string";
    }

    private static String shown(JsonNode value) {
        return value.isTextual() ? Printable.quoted(value.asText()) : Printable.value(value.toString());
    }

    /** {@code /spec/listeners/0/protocol} → {@code spec.listeners[0].protocol}, as users write it. */
    static String fieldName(String pointer) {
        if (pointer.isEmpty()) {
            return "document";
        }
        StringBuilder name = new StringBuilder();
        for (String part : pointer.substring(1).split("/", -1)) {
            String unescaped = part.replace("~1", "/").replace("~0", "~");
            if (!unescaped.isEmpty() && unescaped.chars().allMatch(Character::isDigit)) {
                name.append('[').append(unescaped).append(']');
            } else {
                name.append(name.length() == 0 ? "" : ".").append(unescaped);
            }
        }
        return name.toString();
    }

    private static String stripPath(String message) {
        int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(colon + 2);
    }
}
