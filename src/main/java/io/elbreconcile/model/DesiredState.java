package io.elbreconcile.model;

import io.elbreconcile.diag.SourceLocation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What Git says should exist: managed load balancers by name, attach-mode policies, and where each
 * address was declared (so that plan-time errors can name the file and line).
 */
public record DesiredState(
        SortedMap<String, DesiredLoadBalancer> loadBalancers,
        List<PolicyAttachment> attachments,
        SortedMap<Address, SourceLocation> origins,
        Settings settings) {

    public DesiredState {
        loadBalancers = Collections.unmodifiableSortedMap(new TreeMap<>(loadBalancers));
        attachments = attachments.stream()
                .sorted(java.util.Comparator.comparing((PolicyAttachment a) -> a.loadBalancer())
                        .thenComparing(a -> a.policy().name()))
                .toList();
        origins = Collections.unmodifiableSortedMap(new TreeMap<>(origins));
        settings = settings == null ? Settings.defaults() : settings;
    }

    /** A desired state with the default settings (no Settings document). */
    public DesiredState(SortedMap<String, DesiredLoadBalancer> loadBalancers, List<PolicyAttachment> attachments,
                        SortedMap<Address, SourceLocation> origins) {
        this(loadBalancers, attachments, origins, Settings.defaults());
    }

    public static DesiredState empty() {
        return new DesiredState(new TreeMap<>(), List.of(), new TreeMap<>());
    }

    public Optional<SourceLocation> originOf(Address address) {
        return Optional.ofNullable(origins.get(address));
    }

    /** Where an address, else its load balancer, was declared, as {@code file:line}: what reports point at. */
    public Optional<String> fileAndLineOf(Address address) {
        return originOf(address).or(() -> originOf(Address.loadBalancer(address.loadBalancer())))
                .map(at -> at.file() + ":" + at.line());
    }

    /** Names of attach-mode load balancers, which must already exist at plan time. */
    public SortedMap<String, List<PolicyAttachment>> attachmentsByLoadBalancer() {
        SortedMap<String, List<PolicyAttachment>> grouped = new TreeMap<>();
        for (PolicyAttachment attachment : attachments) {
            grouped.computeIfAbsent(attachment.loadBalancer(), k -> new java.util.ArrayList<>()).add(attachment);
        }
        grouped.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableSortedMap(grouped);
    }

    public Map<String, DesiredLoadBalancer> managed() {
        return loadBalancers;
    }
}
