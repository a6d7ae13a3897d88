package io.elbreconcile.emulator.http;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a {@code Host} header names this machine's loopback interface, decided from the text
 * alone: resolving the name would ask DNS, which is exactly what a rebinding attacker controls.
 */
final class LoopbackHost {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private LoopbackHost() {
    }

    static boolean names(String hostHeader) {
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        String name;
        String port;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return false;
            }
            name = host.substring(0, close + 1);
            String rest = host.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return false;
            }
            port = rest.isEmpty() ? null : rest.substring(1);
        } else {
            int colon = host.indexOf(':');
            name = colon < 0 ? host : host.substring(0, colon);
            port = colon < 0 ? null : host.substring(colon + 1);
        }
        if (port != null && !PORT.matcher(port).matches()) {
            return false;
        }
        return name.equals("localhost") || name.equals("[::1]") || IPV4_LOOPBACK.matcher(name).matches();
    }
}
