package io.elbreconcile.spec;

import io.elbreconcile.model.Settings;

/** The {@code Settings} document: at most one per input. */
record SettingsDocument(YamlDocument source, String name, Settings settings) implements SpecDocument {
}
