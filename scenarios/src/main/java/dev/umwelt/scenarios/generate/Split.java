package dev.umwelt.scenarios.generate;

import java.util.List;

/**
 * Dataset split. Each split owns a disjoint range of generator seeds and a disjoint set of
 * instruction phrasings, so that a policy evaluated on TEST has seen neither its worlds nor its
 * wording during training.
 */
public enum Split {
    TRAIN(List.of("go to the {colour} {shape}", "navigate to the {colour} {shape}", "head over to the {colour} {shape}"),
            List.of("go to {x}, {y}", "navigate to {x}, {y}", "head to position {x}, {y}")),
    VAL(List.of("find the {colour} {shape}", "look for the {colour} {shape}"),
            List.of("find your way to {x}, {y}", "make your way to the point {x}, {y}")),
    TEST(List.of("drive up to the {colour} {shape}", "approach the {colour} {shape}", "go and find the {colour} {shape}"),
            List.of("drive to coordinates {x}, {y}", "reach the location x {x}, y {y}"));

    /** Seeds per split: user seed + index must stay below this. */
    public static final long SEEDS_PER_SPLIT = 1_000_000_000L;

    private final List<String> objectTemplates;
    private final List<String> pointTemplates;

    Split(List<String> objectTemplates, List<String> pointTemplates) {
        this.objectTemplates = objectTemplates;
        this.pointTemplates = pointTemplates;
    }

    /** ObjectNav phrasings, with {@code {colour}} and {@code {shape}} placeholders. */
    public List<String> objectTemplates() { return objectTemplates; }

    /** PointNav phrasings, with {@code {x}} and {@code {y}} placeholders (2 decimals). */
    public List<String> pointTemplates() { return pointTemplates; }

    /** First generator seed of this split; the range is [base, base + SEEDS_PER_SPLIT). */
    public long seedBase() {
        return ordinal() * SEEDS_PER_SPLIT;
    }

    /**
     * The generator seed of scenario {@code index} of a suite with {@code userSeed}: base +
     * userSeed + index, so consecutive suites overlap only when their user seeds are close,
     * and no two splits ever share a seed.
     */
    public long generatorSeed(long userSeed, int index) {
        if (userSeed < 0 || index < 0 || userSeed + index >= SEEDS_PER_SPLIT) {
            throw new IllegalArgumentException("seed " + userSeed + " + index " + index + " must lie in [0, "
                    + SEEDS_PER_SPLIT + ") so that the " + name().toLowerCase(java.util.Locale.ROOT)
                    + " split keeps to its own seed range");
        }
        return seedBase() + userSeed + index;
    }
}
