package io.elbreconcile.it.importer;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ELB endpoint that answers the describe calls of {@code import --all} with load balancers of
 * any name, as a proxy or a lenient emulator could (moto accepts {@code ../../escaped}); the
 * embedded emulator refuses such names, as AWS does. Records every action it is sent.
 */
final class HostileElbStub implements AutoCloseable {

    private static final String NS = "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/";

    private final HttpServer server;
    final List<String> actions = Collections.synchronizedList(new ArrayList<>());

    HostileElbStub(List<String> names) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String action = parameter(form, "Action");
            actions.add(action);
            String body = switch (action) {
                case "DescribeLoadBalancers" -> response(action, "<LoadBalancerDescriptions>"
                        + String.join("", names.stream().map(HostileElbStub::description).toList()) + "</LoadBalancerDescriptions>");
                case "DescribeTags" -> response(action, "<TagDescriptions/>");
                case "DescribeLoadBalancerAttributes" -> response(action, "<LoadBalancerAttributes/>");
                default -> null;
            };
            byte[] bytes = (body == null ? "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                    + "<Message>not here</Message></Error><RequestId>r</RequestId></ErrorResponse>" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(body == null ? 403 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long nonDescribeCalls() {
        synchronized (actions) {
            return actions.stream().filter(a -> !a.startsWith("Describe")).count();
        }
    }

    private static String parameter(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static String response(String action, String result) {
        return "<" + action + "Response xmlns=\"" + NS + "\"><" + action + "Result>" + result + "</" + action + "Result>"
                + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></" + action + "Response>";
    }

    private static String description(String name) {
        String escaped = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<member><LoadBalancerName>" + escaped + "</LoadBalancerName><DNSName>lb.example</DNSName>"
                + "<Scheme>internet-facing</Scheme><AvailabilityZones><member>us-east-1a</member></AvailabilityZones>"
                + "<ListenerDescriptions><member><Listener><Protocol>HTTP</Protocol><LoadBalancerPort>80</LoadBalancerPort>"
                + "<InstanceProtocol>HTTP</InstanceProtocol><InstancePort>80</InstancePort></Listener><PolicyNames/></member>"
                + "</ListenerDescriptions><Policies><AppCookieStickinessPolicies/><LBCookieStickinessPolicies/><OtherPolicies/>"
                + "</Policies><HealthCheck><Target>TCP:80</Target><Interval>30</Interval><Timeout>5</Timeout>"
                + "<UnhealthyThreshold>2</UnhealthyThreshold><HealthyThreshold>10</HealthyThreshold></HealthCheck></member>";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
