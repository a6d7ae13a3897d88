package io.elbreconcile.emulator.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One request that reached an action: its name and decoded parameters (without Action and Version). */
public record RecordedCall(String action, Map<String, String> parameters) {
    public RecordedCall {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
