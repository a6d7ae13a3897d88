package io.elbreconcile.spec;

/** One schema-valid document of the desired-state language, with where it came from. */
sealed interface SpecDocument permits LoadBalancerDocument, PolicyDocument, SettingsDocument, TargetDocument {

    YamlDocument source();

    /** {@code metadata.name}. */
    String name();
}
