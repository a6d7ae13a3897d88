package io.elbreconcile.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Every problem found in one pass over the input, sorted by location so output is stable. */
public record Diagnostics(List<Diagnostic> items) {

    public Diagnostics {
        List<Diagnostic> sorted = new ArrayList<>(items);
        sorted.sort(null);
        items = List.copyOf(sorted);
    }

    public static Diagnostics none() {
        return new Diagnostics(List.of());
    }

    public static Diagnostics of(Collection<Diagnostic> items) {
        return new Diagnostics(List.copyOf(items));
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int size() {
        return items.size();
    }

    public Diagnostics plus(Diagnostics more) {
        List<Diagnostic> all = new ArrayList<>(items);
        all.addAll(more.items);
        return new Diagnostics(all);
    }

    public List<String> renderLines() {
        return items.stream().map(Diagnostic::render).toList();
    }
}
