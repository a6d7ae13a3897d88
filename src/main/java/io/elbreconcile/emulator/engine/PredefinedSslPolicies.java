package io.elbreconcile.emulator.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every predefined SSL security policy AWS lists for Classic Load Balancers, with its attributes:
 * data in {@code predefined-ssl-policies.txt} (beside this class), taken from AWS's table of
 * predefined policies (user guide page elb-security-policy-table, cited in the file).
 */
public final class PredefinedSslPolicies {

    private static final String RESOURCE = "predefined-ssl-policies.txt";

    /** Policies in the file's order; aliases are looked up by {@link #find} but not listed twice. */
    private static final List<PolicyState> ALL;
    private static final Map<String, PolicyState> BY_NAME;
    /** The protocol, cipher-order and cipher attributes every predefined policy reports, in the table's order. */
    private static final List<String> ATTRIBUTE_NAMES;

    static {
        Map<String, PolicyState> byName = new LinkedHashMap<>();
        List<PolicyState> all = new ArrayList<>();
        List<String> attributeNames = new ArrayList<>();
        read(all, byName, attributeNames);
        ALL = List.copyOf(all);
        BY_NAME = Map.copyOf(byName);
        ATTRIBUTE_NAMES = List.copyOf(attributeNames);
    }

    private PredefinedSslPolicies() {
    }

    public static List<PolicyState> all() {
        return ALL;
    }

    /** The named policy, also by its second name (ELBSample-ELBDefaultCipherPolicy and the like). */
    public static Optional<PolicyState> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * The named predefined policy as AWS describes a copy of it on a load balancer: the copy it
     * adds for a secure listener created without a policy, or one made with a reference.
     * {@code Reference-Security-Policy} comes first, then the predefined policy's protocol and
     * cipher flags (knowledge-center article elb-listener-policy-cli and user guide
     * ssl-config-update, describe-load-balancer-policies output for a load balancer's policy).
     */
    public static Optional<PolicyState> referencedCopy(String name) {
        return find(name).map(predefined -> {
            List<PolicyAttribute> attributes = new ArrayList<>();
            attributes.add(new PolicyAttribute(PolicyTypes.REFERENCE_SECURITY_POLICY, name));
            attributes.addAll(predefined.attributes());
            return new PolicyState(name, PolicyTypes.SSL_NEGOTIATION, List.copyOf(attributes));
        });
    }

    /** The boolean attributes of SSLNegotiationPolicyType: protocols, Server-Defined-Cipher-Order, ciphers. */
    public static List<String> attributeNames() {
        return ATTRIBUTE_NAMES;
    }

    private static void read(List<PolicyState> all, Map<String, PolicyState> byName, List<String> attributes) {
        List<String[]> blocks = new ArrayList<>();   // [name, alias or null, true names joined by ' ' or null when unlisted]
        try (InputStream in = PredefinedSslPolicies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String[] words = line.strip().split("\\s+");
                switch (words[0]) {
                    case "attributes" -> attributes.addAll(Arrays.asList(words).subList(1, words.length));
                    case "policy" -> blocks.add(new String[] {words[1], words.length > 2 ? words[2] : null, ""});
                    case "true" -> last(blocks, line)[2] += " " + String.join(" ", Arrays.asList(words).subList(1, words.length));
                    case "unlisted" -> last(blocks, line)[2] = null;
                    default -> {
                        if (!words[0].isEmpty() && !words[0].startsWith("#")) {
                            throw new IllegalStateException(RESOURCE + ": unknown line: " + line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String[] block : blocks) {
            List<PolicyAttribute> values = new ArrayList<>();
            if (block[2] != null) {
                Set<String> enabled = new LinkedHashSet<>(Arrays.asList(block[2].strip().split("\\s+")));
                if (!attributes.containsAll(enabled)) {
                    throw new IllegalStateException(RESOURCE + ": " + block[0] + " names an attribute not listed");
                }
                attributes.forEach(a -> values.add(new PolicyAttribute(a, Boolean.toString(enabled.contains(a)))));
            }
            PolicyState policy = new PolicyState(block[0], PolicyTypes.SSL_NEGOTIATION, values);
            all.add(policy);
            byName.put(block[0], policy);
            if (block[1] != null) {
                byName.put(block[1], new PolicyState(block[1], PolicyTypes.SSL_NEGOTIATION, values));
            }
        }
    }

    private static String[] last(List<String[]> blocks, String line) {
        if (blocks.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": a line before the first policy: " + line);
        }
        return blocks.get(blocks.size() - 1);
    }
}
