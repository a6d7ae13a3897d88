package io.elbreconcile.plan.operation;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** Adds or overwrites tags (AddTags upserts). */
public record AddTags(String loadBalancer, SortedMap<String, String> tags) implements Operation {

    public AddTags {
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    }

    @Override
    public String describe() {
        return "Set tags " + tags + " on " + loadBalancer;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
