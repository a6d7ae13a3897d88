package io.elbreconcile.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.elbreconcile.emulator.engine.EngineError;
import io.elbreconcile.emulator.engine.EngineException;
import io.elbreconcile.emulator.engine.EngineSettings;
import io.elbreconcile.emulator.engine.WorldKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS Query front: decodes a form (body or query string), checks Action and Version, applies
 * faults, records the call, runs its handler and writes XML. Every failure, including our own
 * bugs, leaves as an AWS {@code ErrorResponse}; never as an HTML page.
 */
public final class QueryFront implements HttpHandler {
    public static final String NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/";
    public static final String VERSION = "2012-06-01";
    /** Bodies beyond this are refused; real ELB requests are a few kilobytes. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    /** How much of an oversized body we still read, so the client sees our answer, not a reset. */
    private static final long MAX_DRAIN_BYTES = 64L << 20;
    private static final Pattern CREDENTIAL_REGION = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/(" + RegionName.PATTERN + ")/");
    /** The same scope in a presigned request's {@code X-Amz-Credential}: AKID/DATE/REGION/SERVICE/aws4_request. */
    private static final Pattern CREDENTIAL_KEY = Pattern.compile("Credential=([A-Za-z0-9]{1,128})/");
    private static final Pattern SCOPE_REGION = Pattern.compile("[^/\\s]+/\\d{8}/(" + RegionName.PATTERN + ")/.*");

    private final Map<String, ActionHandler> handlers;
    private final WorldStore store;
    private final CallRecorder recorder;
    private final Faults faults;
    private final LongSupplier clockMillis;
    private final String defaultRegion;
    private final EngineSettings settings;

    public QueryFront(Map<String, ActionHandler> handlers, WorldStore store, CallRecorder recorder, Faults faults,
                      LongSupplier clockMillis, String defaultRegion, EngineSettings settings) {
        this.handlers = Map.copyOf(handlers);
        this.store = store;
        this.recorder = recorder;
        this.faults = faults;
        this.clockMillis = clockMillis;
        this.defaultRegion = defaultRegion;
        this.settings = settings;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = requestId();
        Response response;
        try {
            response = answer(exchange, requestId);
        } catch (EngineException e) {
            response = Response.error(e.error(), e.getMessage(), requestId);
        } catch (RuntimeException e) {
            // A bug of ours still answers in the protocol, so SDKs report it sanely.
            response = Response.error(EngineError.INTERNAL_FAILURE, EngineError.INTERNAL_FAILURE.message(), requestId);
        }
        sleep(faults.latencyMs());
        send(exchange, response, requestId);
    }

    /**
     * A version-4 UUID, as AWS request ids are. Not {@link UUID#randomUUID()}: its SecureRandom
     * costs tens of milliseconds to seed on the first request, and an id needs no secrecy.
     */
    static String requestId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    private Response answer(HttpExchange exchange, String requestId) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("POST") && !method.equals("GET")) {
            drain(exchange.getRequestBody());
            throw EngineError.METHOD_NOT_ALLOWED.exception(method);
        }
        String body = readBody(exchange);
        Map<String, String> parameters = new LinkedHashMap<>();
        FormDecoder.decodeInto(exchange.getRequestURI().getRawQuery(), parameters);
        FormDecoder.decodeInto(body, parameters);
        RequestAuthentication.require(method, exchange.getRequestHeaders(), parameters);
        String action = parameters.get("Action");
        if (action == null || action.isEmpty()) {
            action = parameters.get("Operation");
        }
        if (action == null || action.isEmpty()) {
            throw EngineError.MISSING_ACTION.exception();
        }
        String version = parameters.get("Version");
        if (version == null || version.isEmpty()) {
            throw EngineError.MISSING_PARAMETER.exception("Version");
        }
        if (version.equals(StsFront.VERSION)) {
            // STS shares the endpoint, as an endpoint override gives both clients one URL.
            recorder.record(new RecordedCall("sts:" + action, parameters), false);
            return StsFront.answer(action, parameters, accessKeyId(exchange, parameters.get("X-Amz-Credential")),
                    clockMillis.getAsLong(), requestId);
        }
        if (version.equals(Ec2Front.VERSION)) {
            String ec2Action = action;
            return Ec2Front.answering(requestId, () -> ec2(exchange, ec2Action, parameters, requestId));
        }
        if (!version.equals(VERSION)) {
            throw EngineError.WRONG_VERSION.exception(action, version);
        }
        ActionHandler handler = handlers.get(action);
        if (handler == null) {
            throw EngineError.INVALID_ACTION.exception(action);
        }
        if (!faults.admit()) {
            throw EngineError.THROTTLING.exception();
        }
        if (faults.failThisOne()) {
            throw EngineError.INTERNAL_FAILURE.exception();
        }
        WorldKey key = worldKey(exchange, parameters.get("X-Amz-Credential"));
        parameters.remove("Action");
        parameters.remove("Operation");
        parameters.remove("Version");
        recorder.record(new RecordedCall(action, parameters), handler.mutating());
        Xml result = new Xml();
        Query query = new Query(parameters);
        handler.handle(query, new ActionContext(store, key, clockMillis.getAsLong(), settings, query::rejectUnread), result);
        query.rejectUnread();
        return Response.success(action, result, requestId);
    }

    /** The caller's world: the account of its access key (an assumed role's, see STS) and the scope's region. */
    private WorldKey worldKey(HttpExchange exchange, String credentialParameter) {
        return new WorldKey(StsFront.accountOf(accessKeyId(exchange, credentialParameter)), region(exchange, credentialParameter));
    }

    /** The access key id of the SigV4 credential scope (header, else presigned parameter), or null. */
    private static String accessKeyId(HttpExchange exchange, String credentialParameter) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            Matcher matcher = CREDENTIAL_KEY.matcher(authorization);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        if (credentialParameter != null) {
            int slash = credentialParameter.indexOf('/');
            return slash > 0 ? credentialParameter.substring(0, slash) : null;
        }
        return null;
    }

    /** The region of the SigV4 credential scope (header, else presigned parameter), else the default. */
    private String region(HttpExchange exchange, String credentialParameter) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            Matcher matcher = CREDENTIAL_REGION.matcher(authorization);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        if (credentialParameter != null) {
            Matcher matcher = SCOPE_REGION.matcher(credentialParameter);
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        return defaultRegion;
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try (InputStream in = exchange.getRequestBody()) {
            if (length != null && parseLong(length) > MAX_BODY_BYTES) {
                drain(in);
                throw EngineError.REQUEST_TOO_LARGE.exception(MAX_BODY_BYTES);
            }
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                drain(in);
                throw EngineError.REQUEST_TOO_LARGE.exception(MAX_BODY_BYTES);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void drain(InputStream in) throws IOException {
        long skipped = 0;
        byte[] buffer = new byte[64 * 1024];
        int read;
        while (skipped < MAX_DRAIN_BYTES && (read = in.read(buffer)) >= 0) {
            skipped += read;
        }
    }

    /** An AWS error answer from outside the front (the door refusing a request). */
    static void sendError(HttpExchange exchange, EngineError error, String message) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String requestId = requestId();
        send(exchange, Response.error(error, message, requestId), requestId);
    }

    private static void send(HttpExchange exchange, Response response, String requestId) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The EC2 actions tools make about a load balancer; any other EC2 action is EC2's InvalidAction. */
    private Response ec2(HttpExchange exchange, String action, Map<String, String> parameters, String requestId) {
        switch (action) {
            case Ec2SecurityGroups.ACTION -> {
                // The EC2 read tools make about a load balancer's groups (Terraform's aws_elb): answered from the ELB world.
                WorldKey key = worldKey(exchange, parameters.get("X-Amz-Credential"));
                recorder.record(new RecordedCall("ec2:" + action, parameters), false);
                return Ec2SecurityGroups.answer(parameters, store.read(key), key, requestId);
            }
            case Ec2NetworkInterfaces.ACTION -> {
                // Terraform's destroy of an aws_elb asks for the load balancer's interfaces: there are none here.
                recorder.record(new RecordedCall("ec2:" + action, parameters), false);
                return Ec2NetworkInterfaces.answer(parameters, requestId);
            }
            default -> throw Ec2Front.invalidAction(action);
        }
    }

    /** A status and an XML body. */
    record Response(int status, String body) {
        static Response success(String action, Xml result, String requestId) {
            Xml xml = new Xml(result.length() + 512).openWithNamespace(action + "Response", NAMESPACE);
            if (result.isEmpty()) {
                xml.empty(action + "Result");
            } else {
                xml.open(action + "Result").raw(result).close(action + "Result");
            }
            xml.open("ResponseMetadata").element("RequestId", requestId).close("ResponseMetadata");
            return new Response(200, xml.close(action + "Response").toString());
        }

        /** Reference 3.2: RequestId is a direct child of ErrorResponse. */
        static Response error(EngineError error, String message, String requestId) {
            Xml xml = new Xml().openWithNamespace("ErrorResponse", NAMESPACE)
                    .open("Error").element("Type", error.faultType()).element("Code", error.code())
                    .element("Message", message).close("Error")
                    .element("RequestId", requestId)
                    .close("ErrorResponse");
            return new Response(error.status(), xml.toString());
        }
    }
}
