package dev.umwelt.bus.yaml;

import java.util.function.DoublePredicate;

/** The allowed range of a number read from YAML, with the words used when it is violated. */
public enum Range {
    ANY(v -> true, "any number"),
    POSITIVE(v -> v > 0, "must be > 0"),
    NON_NEGATIVE(v -> v >= 0, "must be >= 0"),
    PROBABILITY(v -> v >= 0 && v <= 1, "must be a probability in [0, 1]"),
    /** A relative scale error: the factor (1 + v) must stay positive. */
    SCALE_ERROR(v -> v > -1 && v < 1, "must be in (-1, 1)");

    private final DoublePredicate test;
    private final String rule;

    Range(DoublePredicate test, String rule) {
        this.test = test;
        this.rule = rule;
    }

    public boolean accepts(double v) {
        return test.test(v);
    }

    public String rule() {
        return rule;
    }
}
