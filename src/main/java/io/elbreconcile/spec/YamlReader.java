package io.elbreconcile.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.elbreconcile.diag.Diagnostic;
import io.elbreconcile.diag.Printable;
import io.elbreconcile.diag.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * YAML text → JSON trees with source locations, one per document. Uses SnakeYAML's node graph
 * (not its object construction) so every node keeps its line and column, and bounds what hostile
 * input can cost: aliases, nesting and the number of nodes an alias expansion may produce.
 */
final class YamlReader {

    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 40;
    /** Far above any real document; an alias bomb hits it after a few milliseconds. */
    static final int MAX_NODES_PER_DOCUMENT = 100_000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The documents read, and the problems found; a file with a syntax error yields no documents. */
    record Result(List<YamlDocument> documents, List<Diagnostic> problems) {
    }

    Result read(SourceText source) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(SourceText.MAX_BYTES);
        Yaml yaml = new Yaml(options);
        List<YamlDocument> documents = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        try {
            int index = 0;
            for (Node root : yaml.composeAll(new StringReader(source.text()))) {
                if (root == null || isEmptyDocument(root)) {
                    index++;
                    continue;
                }
                Conversion conversion = new Conversion(source.file(), locationOf(source.file(), root.getStartMark()));
                JsonNode tree = conversion.convert(root, "", 0);
                if (conversion.problems.isEmpty()) {
                    documents.add(new YamlDocument(source.file(), index, tree, conversion.locations));
                } else {
                    problems.addAll(conversion.problems);
                }
                index++;
            }
        } catch (MarkedYAMLException syntax) {
            problems.add(Diagnostic.at(locationOf(source.file(), syntax.getProblemMark()), describe(syntax)));
        } catch (YAMLException limit) {
            problems.add(Diagnostic.at(SourceLocation.startOf(source.file()), describeLimit(limit)));
        }
        return new Result(documents, problems);
    }

    private static boolean isEmptyDocument(Node root) {
        return root instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    private static String describe(MarkedYAMLException syntax) {
        String problem = syntax.getProblem() == null ? "invalid YAML" : syntax.getProblem();
        if (problem.contains("\\t") || problem.contains("'\t'")) {
            return "YAML syntax error: tab character; YAML indents with spaces only";
        }
        if (problem.contains("found duplicate anchor") || problem.contains("recursive")) {
            return "YAML syntax error: " + oneLine(problem);
        }
        String context = syntax.getContext();
        return "YAML syntax error: " + oneLine(problem) + (context == null ? "" : " (" + oneLine(context) + ")");
    }

    private static String describeLimit(YAMLException limit) {
        String message = limit.getMessage() == null ? "" : limit.getMessage();
        if (message.contains("aliases")) {
            return "too many YAML aliases (more than " + MAX_ALIASES + "): refused to expand, as in a 'billion laughs' attack";
        }
        if (message.contains("Nesting Depth")) {
            return "YAML nested deeper than " + MAX_DEPTH + " levels";
        }
        if (message.contains("code points")) {
            return "file larger than " + SourceText.MAX_BYTES / (1024 * 1024) + " MiB";
        }
        return "unreadable YAML: " + oneLine(message);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    static SourceLocation locationOf(String file, Mark mark) {
        return mark == null ? SourceLocation.startOf(file) : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Converts one document; aliases are expanded, within {@link #MAX_NODES_PER_DOCUMENT}. */
    private static final class Conversion {
        final String file;
        final Locations locations;
        final List<Diagnostic> problems = new ArrayList<>();
        final Map<Node, Boolean> onPath = new IdentityHashMap<>();
        int nodes;

        Conversion(String file, SourceLocation start) {
            this.file = file;
            this.locations = new Locations(start);
        }

        JsonNode convert(Node node, String pointer, int depth) {
            if (++nodes > MAX_NODES_PER_DOCUMENT) {
                if (nodes == MAX_NODES_PER_DOCUMENT + 1) {
                    problems.add(Diagnostic.at(locations.document(), "document expands to more than " + MAX_NODES_PER_DOCUMENT
                            + " YAML nodes through aliases: refused, as in a 'billion laughs' attack"));
                }
                return JSON.nullNode();
            }
            if (depth > MAX_DEPTH || onPath.containsKey(node)) {
                problems.add(Diagnostic.at(locationOf(file, node.getStartMark()),
                        depth > MAX_DEPTH ? "YAML nested deeper than " + MAX_DEPTH + " levels" : "recursive YAML alias"));
                return JSON.nullNode();
            }
            locations.value(pointer, locationOf(file, node.getStartMark()));
            onPath.put(node, Boolean.TRUE);
            try {
                if (node instanceof MappingNode mapping) {
                    return mapping(mapping, pointer, depth);
                }
                if (node instanceof SequenceNode sequence) {
                    ArrayNode array = JSON.arrayNode();
                    List<Node> items = sequence.getValue();
                    for (int i = 0; i < items.size(); i++) {
                        array.add(convert(items.get(i), Locations.child(pointer, i), depth + 1));
                    }
                    return array;
                }
                return scalar((ScalarNode) node);
            } finally {
                onPath.remove(node);
            }
        }

        private JsonNode mapping(MappingNode mapping, String pointer, int depth) {
            ObjectNode object = JSON.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                SourceLocation keyLocation = locationOf(file, keyNode.getStartMark());
                if (!(keyNode instanceof ScalarNode key)) {
                    problems.add(Diagnostic.at(keyLocation, "a mapping key must be a plain value, not a list or mapping"));
                    continue;
                }
                if (key.getTag().equals(Tag.MERGE)) {
                    problems.add(Diagnostic.at(keyLocation, "YAML merge keys ('<<') are not supported; write the fields out"));
                    continue;
                }
                String name = key.getValue();
                String childPointer = Locations.child(pointer, name);
                if (object.has(name)) {
                    problems.add(Diagnostic.at(keyLocation, "duplicate key " + Printable.quoted(name) + " (first at "
                            + locations.ofKey(childPointer) + ")"));
                    continue;
                }
                locations.key(childPointer, keyLocation);
                object.set(name, convert(tuple.getValueNode(), childPointer, depth + 1));
            }
            return object;
        }

        /** Scalars keep the type YAML resolved (1.1 rules, as SnakeYAML), so the schema can check it. */
        private JsonNode scalar(ScalarNode scalar) {
            Tag tag = scalar.getTag();
            String value = scalar.getValue();
            if (tag.equals(Tag.NULL)) {
                return JSON.nullNode();
            }
            if (tag.equals(Tag.BOOL)) {
                String lower = value.toLowerCase(java.util.Locale.ROOT);
                return JSON.booleanNode(lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y"));
            }
            if (tag.equals(Tag.INT)) {
                BigInteger integer = parseInteger(value);
                if (integer != null) {
                    return integer.bitLength() < 64 ? JSON.numberNode(integer.longValue()) : JSON.numberNode(integer);
                }
                return JSON.textNode(value);
            }
            if (tag.equals(Tag.FLOAT)) {
                try {
                    return JSON.numberNode(new BigDecimal(value.replace("_", "")));
                } catch (NumberFormatException special) {
                    return JSON.textNode(value); // .inf, .nan: never valid here, the schema says so
                }
            }
            return JSON.textNode(value);
        }

        private static BigInteger parseInteger(String text) {
            String digits = text.replace("_", "");
            boolean negative = digits.startsWith("-");
            if (negative || digits.startsWith("+")) {
                digits = digits.substring(1);
            }
            try {
                BigInteger magnitude;
                if (digits.startsWith("0x")) {
                    magnitude = new BigInteger(digits.substring(2), 16);
                } else if (digits.startsWith("0b")) {
                    magnitude = new BigInteger(digits.substring(2), 2);
                } else if (digits.length() > 1 && digits.startsWith("0")) {
                    magnitude = new BigInteger(digits.substring(1), 8);
                } else {
                    magnitude = new BigInteger(digits);
                }
                return negative ? magnitude.negate() : magnitude;
            } catch (NumberFormatException notDecimal) {
                return null; // sexagesimal and other YAML 1.1 oddities: left as text
            }
        }
    }
}
