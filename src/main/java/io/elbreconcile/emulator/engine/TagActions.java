package io.elbreconcile.emulator.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** AddTags, RemoveTags and DescribeTags (reference 6.4). */
public final class TagActions {

    /** The tags of one load balancer, as DescribeTags reports them. */
    public record TagDescription(String loadBalancerName, List<Tag> tags) {
    }

    /** The TagKey and TagValue shapes' pattern in the service model (reference 7). */
    private static final java.util.regex.Pattern TAG_CHARACTERS = java.util.regex.Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");

    private TagActions() {
    }

    public static World add(World world, List<String> names, List<Tag> tags) {
        LoadBalancerState lb = world.require(single(names));
        if (tags.isEmpty()) {
            throw EngineError.MISSING_PARAMETER.exception("Tags");
        }
        return world.with(lb.withTags(merge(lb.tags(), tags, lb.name())));
    }

    public static World remove(World world, List<String> names, List<String> keys) {
        LoadBalancerState lb = world.require(single(names));
        if (keys.isEmpty()) {
            throw EngineError.MISSING_PARAMETER.exception("Tags");
        }
        Set<String> gone = new HashSet<>(keys);
        return world.with(lb.withTags(lb.tags().stream().filter(t -> !gone.contains(t.key())).toList()));
    }

    public static List<TagDescription> describe(World world, List<String> names) {
        if (names.isEmpty()) {
            throw EngineError.MISSING_PARAMETER.exception("LoadBalancerNames");
        }
        if (names.size() > Limits.MAX_NAMES_PER_CALL) {
            throw EngineError.VALIDATION.exception("1 validation error detected: Value at 'loadBalancerNames' failed "
                    + "to satisfy constraint: Member must have length less than or equal to " + Limits.MAX_NAMES_PER_CALL);
        }
        List<TagDescription> out = new ArrayList<>();
        for (String name : names) {
            out.add(new TagDescription(name, world.require(name).tags()));
        }
        return out;
    }

    /**
     * Upserts {@code added} into {@code existing}: checks each tag, rejects a key given twice and a
     * total above the quota ({@code aws:} tags do not count, user guide add-remove-tags).
     */
    static List<Tag> merge(List<Tag> existing, List<Tag> added, String loadBalancer) {
        Set<String> keys = new HashSet<>();
        for (Tag tag : added) {
            checkTag(tag);
            if (!keys.add(tag.key())) {
                throw EngineError.DUPLICATE_TAG_KEYS.exception(tag.key());
            }
        }
        Map<String, String> merged = new LinkedHashMap<>();
        existing.forEach(t -> merged.put(t.key(), t.value()));
        added.forEach(t -> merged.put(t.key(), t.value()));
        long counted = merged.keySet().stream().filter(k -> !k.startsWith("aws:")).count();
        if (counted > Limits.TAGS) {
            throw EngineError.TOO_MANY_TAGS.exception(Limits.TAGS, loadBalancer);
        }
        return merged.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList();
    }

    private static void checkTag(Tag tag) {
        if (tag.key().isEmpty() || tag.key().length() > 128) {
            throw EngineError.VALIDATION.exception("Tag key must be 1 to 128 characters: '" + tag.key() + "'");
        }
        if (tag.key().startsWith("aws:")) {
            throw EngineError.VALIDATION.exception("Tag keys starting with 'aws:' are reserved for AWS use");
        }
        if (tag.value().length() > 256) {
            throw EngineError.VALIDATION.exception("Tag value must be at most 256 characters (key '" + tag.key() + "')");
        }
        // The wording of AWS's model validation; the reference does not record ELB's own text for this case.
        if (!TAG_CHARACTERS.matcher(tag.key()).matches()) {
            throw EngineError.VALIDATION.exception("1 validation error detected: Value '" + tag.key()
                    + "' at 'tags.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + TAG_CHARACTERS.pattern());
        }
        if (!TAG_CHARACTERS.matcher(tag.value()).matches()) {
            throw EngineError.VALIDATION.exception("1 validation error detected: Value '" + tag.value()
                    + "' at 'tags.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + TAG_CHARACTERS.pattern());
        }
    }

    /** AddTags and RemoveTags take a list on the wire but exactly one name (reference 5). */
    private static String single(List<String> names) {
        if (names.isEmpty()) {
            throw EngineError.MISSING_PARAMETER.exception("LoadBalancerNames");
        }
        if (names.size() > 1) {
            throw EngineError.VALIDATION.exception("Only one load balancer can be tagged per request, got " + names.size());
        }
        return names.get(0);
    }
}
