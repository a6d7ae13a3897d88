package io.elbreconcile.importer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every string the importer writes reads back as the same string, as a value, a key and in a list. */
class ImporterYamlScalarTest {

    @ParameterizedTest
    @ValueSource(strings = {"web", "", "true", "False", "yes", "No", "on", "OFF", "y", "n", "null", "Null", "~", "4711", "0755",
            "1.0", "1e3", "-1", "+1", ".5", ".inf", ".NaN", "0x1F", "0o17", "0b101", "1_000", "1:20", "190:20:30", "2026-11-25",
            "2026-11-25T10:00:00Z", "x:", "a:", "a: b", ":x", "k=v", "=", "<<", "@team", "*x", "&x", "!x", "%x", "|", ">", "-",
            "- x", "? x", "#x", "a #b", " spaced ", "tab\there", "line\nbreak", "say \"hi\"", "back\\slash", "Grüße", "\u00a0nbsp",
            "arn:aws:iam::123456789012:server-certificate/web/2026-cert", "HTTP:8080/health?x=1&y=2", "TCP:80", "us-east-1a",
            "[a]", "{a: b}", "a,b", "'single'", "`tick`"})
    void readsBackAsTheSameString(String value) {
        String scalar = YamlWriter.scalar(value);
        Map<?, ?> asValue = new Yaml().load("v: " + scalar + "\n");
        assertEquals(value, asValue.get("v"), () -> "value written as " + scalar);
        Map<?, ?> asKey = new Yaml().load(scalar + ": v\n");
        assertEquals(Map.of(value, "v"), asKey, () -> "key written as " + scalar);
        Map<?, ?> inList = new Yaml().load("l: [" + scalar + ", x]\n");
        assertEquals(List.of(value, "x"), inList.get("l"), () -> "list item written as " + scalar);
    }
}
