package dev.umwelt.bus.yaml;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** A scalar value: its text as written and the kind the YAML parser resolved it to. */
public final class YamlScalar extends YamlNode {
    /** How the YAML parser resolved the plain scalar. */
    public enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    // Quoted numbers are accepted too: "0.5" is unambiguous and people write it.
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    // YAML's spellings of infinity and NaN: never inside a range.
    private static final Pattern SPECIAL = Pattern.compile("[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)|[-+]?(Infinity|NaN)");

    private final String text;
    private final Kind kind;

    YamlScalar(Path file, int line, String path, String text, Kind kind) {
        super(file, line, path);
        this.text = text;
        this.kind = kind;
    }

    public String text() { return text; }
    public Kind kind() { return kind; }
    public boolean isNull() { return kind == Kind.NULL; }

    @Override
    String describe() {
        return isNull() ? "nothing" : "'" + text + "'";
    }

    /** A finite number within {@code range}. */
    public double asDouble(Range range) {
        if (isNull() || kind == Kind.BOOLEAN || !NUMBER.matcher(text.trim()).matches()) {
            throw error("expected a number, got " + describe());
        }
        double v = Double.parseDouble(text.trim());
        if (!Double.isFinite(v)) throw error("expected a finite number, got " + describe());
        if (!range.accepts(v)) throw error(range.rule() + ", got " + text);
        return v;
    }

    /**
     * A number within its documented {@code bound}; anything else, infinities included, is refused
     * with {@code value outside [a, b] unit}. Whole-number bounds also refuse fractions.
     */
    public double asDouble(Bound bound) {
        if (isNull() || kind == Kind.BOOLEAN || !NUMBER.matcher(text.trim()).matches()) {
            throw error(SPECIAL.matcher(text.trim()).matches() ? bound.outside(text.trim()) : "expected a number, got " + describe());
        }
        double v = Double.parseDouble(text.trim());
        if (!bound.accepts(v)) throw error(bound.outside(text.trim()));
        if (bound.whole() && v != Math.rint(v)) throw error("expected a whole number, got " + describe());
        return v;
    }

    public long asLong(Range range) {
        double v = asDouble(Range.ANY);
        if (v != Math.rint(v) || Math.abs(v) > 9.0e15) throw error("expected a whole number, got " + describe());
        if (!range.accepts(v)) throw error(range.rule() + ", got " + text);
        return (long) v;
    }

    public int asInt(Range range) {
        long v = asLong(range);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) throw error("whole number out of range, got " + text);
        return (int) v;
    }

    public boolean asBoolean() {
        if (kind != Kind.BOOLEAN) throw error("expected true or false, got " + describe());
        return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
    }

    /** Any non-null scalar as text; numbers keep the spelling the user wrote. */
    public String asString() {
        if (isNull()) throw error("expected text, got nothing");
        return text;
    }

    /**
     * One of {@code choices}, as written; anything else is refused as
     * {@code unknown WHAT 'x' (did you mean 'y'?); known: a, b}.
     */
    public String asOneOf(java.util.List<String> choices, String what) {
        String want = asString().trim();
        if (choices.contains(want)) return want;
        throw error("unknown " + what + " '" + want + "'" + YamlMap.didYouMean(want, choices) + "; known: " + String.join(", ", choices));
    }

    /** A constant of {@code type} named case-insensitively; the error lists the choices. */
    public <E extends Enum<E>> E asEnum(Class<E> type) {
        String want = asString().trim();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(want)) return e;
        }
        String choices = String.join(", ", Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
        throw error("unknown value '" + want + "'; expected one of: " + choices);
    }
}
