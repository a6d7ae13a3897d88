package io.elbreconcile.model;

import java.util.Objects;

/**
 * The text of one input file exactly as it was loaded, under the path it was shown as. A saved
 * plan records these so that apply can rebuild the very desired state the plan was made from,
 * source locations included, without reading the files again.
 */
public record InputText(String path, String text) implements Comparable<InputText> {

    public InputText {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public int compareTo(InputText other) {
        return path.compareTo(other.path);
    }
}
