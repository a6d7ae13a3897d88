package io.elbreconcile.it.apply;

import io.elbreconcile.aws.SdkElbPort;
import io.elbreconcile.aws.TargetSettings;
import io.elbreconcile.cli.Main;
import io.elbreconcile.emulator.EmulatorServer;
import io.elbreconcile.emulator.http.RecordedCall;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.observe.Observer;
import io.elbreconcile.observe.Scope;
import io.elbreconcile.plan.Plan;
import io.elbreconcile.plan.PlanOptions;
import io.elbreconcile.plan.Planner;
import io.elbreconcile.spec.SpecLoader;
import io.elbreconcile.testing.ElbClients;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.ListenerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyAttributeDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.PolicyDescription;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Shared plumbing of the end-to-end apply tests: the CLI run in-process against a real emulator
 * over HTTP, YAML written to a directory, and the emulator's world read back through the AWS SDK.
 */
final class Harness {

    static final String REGION = "us-east-1";
    static final String TMP_MARK = "-elbr-tmp";

    private Harness() {
    }

    // ---- the CLI ----------------------------------------------------------------------------

    /** One CLI run: exit code and what it printed. */
    record Result(int code, String out, String err) {
        String both() {
            return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }

        /** The N of the summary line's "N retries". */
        long retries() {
            Matcher m = Pattern.compile("(\\d+) retr(y|ies)").matcher(out);
            if (!m.find()) {
                throw new AssertionError("no retry count in the summary:\n" + both());
            }
            return Long.parseLong(m.group(1));
        }
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The target options that aim a command at this emulator (no client-side rate limit). */
    static String[] target(EmulatorServer emulator) {
        return new String[] {"--endpoint-url", emulator.endpoint().toString(), "--region", REGION, "--max-rps", "0", "--no-color"};
    }

    static Result apply(EmulatorServer emulator, Path input, String... extra) {
        return cli(concat(new String[] {"apply", input.toString(), "--auto-approve"}, target(emulator), extra));
    }

    static Result plan(EmulatorServer emulator, Path input, String... extra) {
        return cli(concat(new String[] {"plan", input.toString()}, target(emulator), extra));
    }

    static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }

    // ---- the library, for finer control ---------------------------------------------------------

    static SdkElbPort port(EmulatorServer emulator) {
        return SdkElbPort.connect(TargetSettings.defaults()
                .withEndpointUrl(emulator.endpoint().toString())
                .withRegion(REGION)
                .withStaticCredentials(new TargetSettings.StaticCredentials("AKIDTEST", "secret", null)));
    }

    /** What {@code plan} would compute, without the CLI: load, observe through the port, plan. */
    static Plan planWith(SdkElbPort port, Path input, PlanOptions options) {
        DesiredState desired = new SpecLoader().load(input).state();
        Scope scope = options.stack().map(Scope::stack).orElse(Scope.declared());
        return new Planner().plan(desired, new Observer(port).observe(desired, scope), options, port.target());
    }

    // ---- YAML -------------------------------------------------------------------------------

    static Path write(Path dir, String file, String... documents) {
        try {
            Files.createDirectories(dir);
            Path path = dir.resolve(file);
            Files.writeString(path, String.join("---\n", documents), StandardCharsets.UTF_8);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String listener(String protocol, int port, String instanceProtocol, int instancePort, String certificate,
                           String... policies) {
        return "    - protocol: " + protocol + "\n"
                + "      loadBalancerPort: " + port + "\n"
                + "      instanceProtocol: " + instanceProtocol + "\n"
                + "      instancePort: " + instancePort + "\n"
                + (certificate == null ? "" : "      sslCertificateId: " + certificate + "\n")
                + "      policies: [" + String.join(", ", policies) + "]\n";
    }

    static String http(int port, int instancePort, String... policies) {
        return listener("HTTP", port, "HTTP", instancePort, null, policies);
    }

    /** A LoadBalancer document; {@code extraSpec} is more spec lines (two-space indented), or "". */
    static String loadBalancer(String name, String extraSpec, String... listeners) {
        return "apiVersion: elb-reconcile/v1\n"
                + "kind: LoadBalancer\n"
                + "metadata:\n"
                + "  name: " + name + "\n"
                + "spec:\n"
                + "  availabilityZones: [us-east-1a]\n"
                + extraSpec
                + "  listeners:\n"
                + String.join("", listeners);
    }

    static String lbCookie(String loadBalancer, String name, long period) {
        return "apiVersion: elb-reconcile/v1\n"
                + "kind: LBCookieStickinessPolicy\n"
                + "metadata:\n"
                + "  name: " + name + "\n"
                + "spec:\n"
                + "  loadBalancer: " + loadBalancer + "\n"
                + "  cookieExpirationPeriod: " + period + "\n";
    }

    static String appCookie(String loadBalancer, String name, String cookie) {
        return "apiVersion: elb-reconcile/v1\n"
                + "kind: AppCookieStickinessPolicy\n"
                + "metadata:\n"
                + "  name: " + name + "\n"
                + "spec:\n"
                + "  loadBalancer: " + loadBalancer + "\n"
                + "  cookieName: " + cookie + "\n";
    }

    /** The quickstart with the given cookie period, on listener 80 (and on {@code morePorts}, sharing it). */
    static String[] quickstart(long period, int... morePorts) {
        List<String> listeners = new ArrayList<>();
        listeners.add(http(80, 8080, "my-duration-cookie-policy"));
        for (int port : morePorts) {
            listeners.add(http(port, 8080, "my-duration-cookie-policy"));
        }
        return new String[] {
                loadBalancer("my-load-balancer", "", listeners.toArray(String[]::new)),
                lbCookie("my-load-balancer", "my-duration-cookie-policy", period)};
    }

    // ---- the world, read back through the SDK -----------------------------------------------------

    static ElasticLoadBalancingClient sdk(EmulatorServer emulator) {
        return ElbClients.forEndpoint(emulator.endpoint());
    }

    static LoadBalancerDescription describe(ElasticLoadBalancingClient elb, String name) {
        return elb.describeLoadBalancers(r -> r.loadBalancerNames(name)).loadBalancerDescriptions().get(0);
    }

    static Map<String, String> tags(ElasticLoadBalancingClient elb, String lb) {
        Map<String, String> tags = new TreeMap<>();
        elb.describeTags(r -> r.loadBalancerNames(lb)).tagDescriptions().forEach(d -> d.tags().forEach(t -> tags.put(t.key(), t.value())));
        return tags;
    }

    static List<String> loadBalancerNames(ElasticLoadBalancingClient elb) {
        return elb.describeLoadBalancers(r -> r.pageSize(400)).loadBalancerDescriptions().stream()
                .map(LoadBalancerDescription::loadBalancerName).sorted().toList();
    }

    static ListenerDescription listenerOn(ElasticLoadBalancingClient elb, String lb, int port) {
        return describe(elb, lb).listenerDescriptions().stream()
                .filter(l -> l.listener().loadBalancerPort() == port).findFirst()
                .orElseThrow(() -> new AssertionError("no listener " + port + " on " + lb));
    }

    static List<String> listenerPolicies(ElasticLoadBalancingClient elb, String lb, int port) {
        return listenerOn(elb, lb, port).policyNames();
    }

    /** Every policy of the load balancer (any type), name to its attributes, plus "type". */
    static Map<String, Map<String, String>> policies(ElasticLoadBalancingClient elb, String lb) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        for (PolicyDescription p : elb.describeLoadBalancerPolicies(r -> r.loadBalancerName(lb)).policyDescriptions()) {
            Map<String, String> attributes = new TreeMap<>();
            attributes.put("type", p.policyTypeName());
            for (PolicyAttributeDescription a : p.policyAttributeDescriptions()) {
                attributes.put(a.attributeName(), a.attributeValue());
            }
            byName.put(p.policyName(), attributes);
        }
        return byName;
    }

    // ---- the emulator's call log ----------------------------------------------------------------

    static List<RecordedCall> callsSince(EmulatorServer emulator, int from) {
        List<RecordedCall> log = emulator.callLog();
        return log.subList(from, log.size());
    }

    static List<String> actions(List<RecordedCall> calls) {
        return calls.stream().map(RecordedCall::action).toList();
    }

    /** The values of a list parameter ({@code Name.member.1}, {@code Name.member.2}...), in order. */
    static List<String> members(RecordedCall call, String name) {
        Map<Integer, String> byIndex = new TreeMap<>();
        String prefix = name + ".member.";
        call.parameters().forEach((key, value) -> {
            if (key.startsWith(prefix) && key.substring(prefix.length()).matches("\\d+")) {
                byIndex.put(Integer.parseInt(key.substring(prefix.length())), value);
            }
        });
        return List.copyOf(byIndex.values());
    }

    static String lines(Stream<?> items) {
        return items.map(Object::toString).collect(Collectors.joining("\n"));
    }
}
