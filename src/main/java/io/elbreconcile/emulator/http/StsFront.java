package io.elbreconcile.emulator.http;

import io.elbreconcile.emulator.engine.EngineError;
import io.elbreconcile.emulator.engine.WorldKey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS {@code AssumeRole} and {@code GetCallerIdentity} (API 2011-06-15, Query protocol), enough for
 * the SDK's assume-role credentials provider (PRODUCT.md section 16). There is no IAM here: any
 * well-formed role ARN may be assumed, with or without an external id. The session's account is
 * the role's, and it travels in the access key id it hands out (see {@link #accountOf}), so that
 * every later request signed with those keys reaches that account's worlds, across restarts too.
 */
final class StsFront {
    static final String VERSION = "2011-06-15";
    private static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Pattern ROLE_ARN = Pattern.compile(
            "arn:aws(?:-[a-z]+)*:iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    /** "ASIA", the account, four more characters: 20 in all, as AWS's temporary access key ids. */
    private static final Pattern SESSION_KEY = Pattern.compile("ASIA(\\d{12})[A-Z0-9]{4}");
    private static final String KEY_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int DEFAULT_DURATION_SECONDS = 3600;

    private StsFront() {
    }

    /** The account a request acts for: the one encoded in an assumed role's access key id, else the default. */
    static String accountOf(String accessKeyId) {
        if (accessKeyId != null) {
            Matcher matcher = SESSION_KEY.matcher(accessKeyId);
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        return WorldKey.DEFAULT_ACCOUNT;
    }

    static QueryFront.Response answer(String action, Map<String, String> parameters, String accessKeyId, long nowMillis,
                                      String requestId) {
        Xml result = switch (action) {
            case "AssumeRole" -> assumeRole(new Query(without(parameters)), nowMillis);
            case "GetCallerIdentity" -> callerIdentity(new Query(without(parameters)), accessKeyId);
            default -> throw EngineError.INVALID_ACTION.exception(action);
        };
        Xml xml = new Xml().openWithNamespace(action + "Response", NAMESPACE)
                .open(action + "Result").raw(result).close(action + "Result")
                .open("ResponseMetadata").element("RequestId", requestId).close("ResponseMetadata")
                .close(action + "Response");
        return new QueryFront.Response(200, xml.toString());
    }

    private static Map<String, String> without(Map<String, String> parameters) {
        Map<String, String> rest = new java.util.LinkedHashMap<>(parameters);
        rest.remove("Action");
        rest.remove("Version");
        rest.keySet().removeIf(name -> name.startsWith("X-Amz-"));
        return rest;
    }

    private static Xml assumeRole(Query query, long nowMillis) {
        String roleArn = query.required("RoleArn");
        String session = query.required("RoleSessionName");
        String externalId = query.optional("ExternalId");
        String duration = query.optional("DurationSeconds");
        // Optional members the SDK may send; an emulator without IAM has nothing to do with them.
        query.optional("Policy");
        query.optional("SourceIdentity");
        Matcher role = ROLE_ARN.matcher(roleArn);
        if (!role.matches()) {
            throw EngineError.VALIDATION.exception(roleArn + " is invalid");
        }
        if (!SESSION_NAME.matcher(session).matches()) {
            throw EngineError.VALIDATION.exception("1 validation error detected: Value '" + session
                    + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        if (externalId != null && (externalId.length() < 2 || externalId.length() > 1224)) {
            throw EngineError.VALIDATION.exception("1 validation error detected: Value at 'externalId' failed to satisfy"
                    + " constraint: Member must have length between 2 and 1224");
        }
        int seconds = duration == null ? DEFAULT_DURATION_SECONDS : parseDuration(duration);
        query.rejectUnread();
        String account = role.group(1);
        String roleName = role.group(2);
        String expiration = Instant.ofEpochMilli(nowMillis).plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString();
        String roleId = "AROA" + random(17);
        return new Xml()
                .open("Credentials")
                .element("AccessKeyId", "ASIA" + account + random(4))
                .element("SecretAccessKey", random(40))
                .element("SessionToken", "emulator-session-" + random(32))
                .element("Expiration", expiration)
                .close("Credentials")
                .open("AssumedRoleUser")
                .element("AssumedRoleId", roleId + ":" + session)
                .element("Arn", "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + session)
                .close("AssumedRoleUser");
    }

    private static int parseDuration(String text) {
        try {
            int seconds = Integer.parseInt(text);
            if (seconds >= 900 && seconds <= 43_200) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below, as STS does
        }
        throw EngineError.VALIDATION.exception("1 validation error detected: Value '" + text
                + "' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200");
    }

    private static Xml callerIdentity(Query query, String accessKeyId) {
        query.rejectUnread();
        String account = accountOf(accessKeyId);
        boolean assumed = accessKeyId != null && SESSION_KEY.matcher(accessKeyId).matches();
        // Sessions are not remembered (the key carries the account), so an assumed role's name is not known here.
        return new Xml()
                .element("UserId", assumed ? "AROAEMULATOR:" + accessKeyId : account)
                .element("Account", account)
                .element("Arn", assumed ? "arn:aws:sts::" + account + ":assumed-role/emulator-session/" + accessKeyId
                        : "arn:aws:iam::" + account + ":root");
    }

    private static String random(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(KEY_CHARACTERS.charAt(random.nextInt(KEY_CHARACTERS.length())));
        }
        return text.toString();
    }
}
