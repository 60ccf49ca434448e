package dev.umwelt.scenarios.generate;

import java.util.List;

/**
 * Dataset split. Each split owns a disjoint range of generator seeds and a disjoint set of
 * instruction phrasings, so that a policy evaluated on TEST has seen neither its worlds nor its
 * wording during training.
 */
public enum Split {
    TRAIN(List.of("go to the {colour} {shape}", "navigate to the {colour} {shape}", "head over to the {colour} {shape}"),
            List.of("go to {x}, {y}", "navigate to {x}, {y}", "head to position {x}, {y}"),
            List.of("go to the {sound} {device}", "navigate to the {sound} sound", "head over to the {device}")),
    VAL(List.of("find the {colour} {shape}", "look for the {colour} {shape}"),
            List.of("find your way to {x}, {y}", "make your way to the point {x}, {y}"),
            List.of("find the {sound} {device}", "look for the {sound} sound")),
    TEST(List.of("drive up to the {colour} {shape}", "approach the {colour} {shape}", "go and find the {colour} {shape}"),
            List.of("drive to coordinates {x}, {y}", "reach the location x {x}, y {y}"),
            List.of("head towards the {sound} sound", "approach the {sound} {device}", "drive up to the {device} that is {sound}"));

    /** Seeds per split: user seed + index must stay below this. */
    public static final long SEEDS_PER_SPLIT = 1_000_000_000L;

    private final List<String> objectTemplates;
    private final List<String> pointTemplates;
    private final List<String> audioTemplates;

    Split(List<String> objectTemplates, List<String> pointTemplates, List<String> audioTemplates) {
        this.objectTemplates = objectTemplates;
        this.pointTemplates = pointTemplates;
        this.audioTemplates = audioTemplates;
    }

    /** ObjectNav phrasings, with {@code {colour}} and {@code {shape}} placeholders. */
    public List<String> objectTemplates() { return objectTemplates; }

    /** PointNav phrasings, with {@code {x}} and {@code {y}} placeholders (2 decimals). */
    public List<String> pointTemplates() { return pointTemplates; }

    /**
     * AudioGoal phrasings, with {@code {sound}} ("beeping", "ringing") and {@code {device}}
     * ("alarm", "phone") placeholders, both from the emitter's kind.
     */
    public List<String> audioTemplates() { return audioTemplates; }

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
