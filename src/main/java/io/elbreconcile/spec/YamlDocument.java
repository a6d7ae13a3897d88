package io.elbreconcile.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One YAML document of an input file as a JSON tree, with where every node was written.
 *
 * @param index position in its file, from 0
 */
record YamlDocument(String file, int index, JsonNode tree, Locations locations) {
}
