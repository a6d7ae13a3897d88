package io.elbreconcile.reconcile;

import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.model.DesiredState;
import io.elbreconcile.model.ObservedState;
import io.elbreconcile.observe.Observer;
import io.elbreconcile.observe.Scope;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What a reconciliation reads of the target, and which names it asks about. */
public final class Observation {

    private Observation() {
    }

    /** The declared load balancers, and with a stack also every one tagged with it. */
    public static ObservedState observe(ElbPort port, DesiredState desired, Optional<String> stack) {
        return new Observer(port).observe(desired, stack.map(Scope::stack).orElse(Scope.declared()));
    }

    /** Every load balancer the target holds, for import --all. */
    public static ObservedState everything(ElbPort port) {
        return new Observer(port).observe(DesiredState.empty(), Scope.all());
    }

    /** The named load balancers that exist, with their attributes, for import --load-balancer. */
    public static ObservedState named(ElbPort port, Collection<String> names) {
        return new Observer(port).observeNames(names, true);
    }

    /** The names an observation of this desired state asks about, whether they exist or not. */
    public static Set<String> lookedUp(DesiredState desired) {
        Set<String> names = new TreeSet<>(desired.loadBalancers().keySet());
        desired.attachments().forEach(a -> names.add(a.loadBalancer()));
        return names;
    }
}
