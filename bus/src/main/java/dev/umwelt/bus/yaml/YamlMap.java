package dev.umwelt.bus.yaml;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML mapping with typed getters. Getters throw {@link ScenarioException} at the line of the
 * offending value, or at this map's line when a required key is missing. An explicit null
 * ({@code key:} with no value) counts as absent for optional keys.
 */
public final class YamlMap extends YamlNode {
    private final Map<String, YamlNode> fields;
    private final Map<String, Integer> keyLines;

    YamlMap(Path file, int line, String path, Map<String, YamlNode> fields, Map<String, Integer> keyLines) {
        super(file, line, path);
        this.fields = new LinkedHashMap<>(fields);
        this.keyLines = Map.copyOf(keyLines);
    }

    @Override
    String describe() {
        return "a map";
    }

    public Set<String> keys() { return fields.keySet(); }

    /** Rejects keys outside {@code allowed}, so that a typo never passes silently. */
    public YamlMap allowOnly(String... allowed) {
        List<String> ok = Arrays.asList(allowed);
        for (String key : fields.keySet()) {
            if (ok.contains(key)) continue;
            String hint = didYouMean(key, ok);
            throw new ScenarioException(file(), keyLines.getOrDefault(key, line()), child(path(), key),
                    "unknown field '" + key + "'" + hint + "; allowed fields: " + String.join(", ", ok));
        }
        return this;
    }

    /** An error located at {@code key}'s own line (for a key that is present but not allowed here); the caller throws it. */
    public ScenarioException keyError(String key, String problem) {
        return new ScenarioException(file(), keyLines.getOrDefault(key, line()), child(path(), key), problem);
    }

    public boolean has(String key) {
        YamlNode n = fields.get(key);
        return n != null && !(n instanceof YamlScalar s && s.isNull());
    }

    public YamlNode require(String key) {
        if (!fields.containsKey(key)) throw error("missing required field '" + key + "'");
        return fields.get(key);
    }

    public Optional<YamlNode> optional(String key) {
        return has(key) ? Optional.of(fields.get(key)) : Optional.empty();
    }

    // Range-based getters: for files without a ranges table (the ROS bridge config).
    public double requireDouble(String key, Range range) {
        return require(key).asScalar("a number").asDouble(range);
    }

    public double optionalDouble(String key, double fallback, Range range) {
        return has(key) ? requireDouble(key, range) : fallback;
    }

    /** The number under {@code bound.key()}, within its documented range. */
    public double requireDouble(Bound bound) {
        return require(bound.key()).asScalar("a number").asDouble(bound);
    }

    public double optionalDouble(Bound bound, double fallback) {
        return has(bound.key()) ? requireDouble(bound) : fallback;
    }

    /** An angle written in degrees within {@code bound}, returned in radians. */
    public double requireDegrees(Bound bound) {
        return Math.toRadians(requireDouble(bound));
    }

    public double optionalDegrees(Bound bound, double fallbackRadians) {
        return has(bound.key()) ? requireDegrees(bound) : fallbackRadians;
    }

    /** A whole number within {@code bound} (an int-sized one: every such bound is). */
    public int requireInt(Bound bound) {
        return (int) require(bound.key()).asScalar("a whole number").asDouble(bound);
    }

    public int optionalInt(Bound bound, int fallback) {
        return has(bound.key()) ? requireInt(bound) : fallback;
    }

    public long optionalLong(Bound bound, long fallback) {
        return has(bound.key()) ? (long) require(bound.key()).asScalar("a whole number").asDouble(bound) : fallback;
    }

    /** A list under {@code key} of at most {@code max} items; the first one too many is the error's line. */
    public List<YamlNode> optionalList(String key, int max) {
        List<YamlNode> items = optionalList(key);
        if (items.size() > max) {
            throw items.get(max).error("more than " + max + " items in " + child(path(), key) + "; at most " + max + " are allowed");
        }
        return items;
    }

    public int requireInt(String key, Range range) {
        return require(key).asScalar("a whole number").asInt(range);
    }

    public int optionalInt(String key, int fallback, Range range) {
        return has(key) ? requireInt(key, range) : fallback;
    }

    public String requireString(String key) {
        String s = require(key).asScalar("text").asString();
        if (s.isBlank()) throw require(key).error("must not be empty");
        return s;
    }

    public String optionalString(String key, String fallback) {
        return has(key) ? requireString(key) : fallback;
    }

    public boolean optionalBoolean(String key, boolean fallback) {
        return has(key) ? require(key).asScalar("true or false").asBoolean() : fallback;
    }

    public <E extends Enum<E>> E requireEnum(String key, Class<E> type) {
        return require(key).asScalar("one of " + type.getSimpleName()).asEnum(type);
    }

    public YamlMap requireMap(String key) { return require(key).asMap(); }

    public Optional<YamlMap> optionalMap(String key) { return optional(key).map(YamlNode::asMap); }

    public YamlList requireList(String key) { return require(key).asList(); }

    /** The list under {@code key}, or an empty list when absent. */
    public List<YamlNode> optionalList(String key) {
        return optional(key).map(n -> n.asList().items()).orElse(List.of());
    }

    /** {@code " (did you mean 'x'?)"} for the near miss among {@code candidates}, or empty. */
    public static String didYouMean(String key, List<String> candidates) {
        return closest(key, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    private static Optional<String> closest(String key, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = editDistance(key.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) { best = c; bestDistance = d; }
        }
        // Only suggest near misses; a wholly different word gets just the list.
        return best != null && bestDistance <= Math.max(2, key.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
