package dev.umwelt.bus.yaml;

import dev.umwelt.bus.fault.FaultLimits;

/**
 * The documented physical range {@code [min, max]} (inclusive) of one numeric field of a robot,
 * scenario, world or fault. {@code field} is the field's path in its file with {@code []} for
 * list items ({@code world.walls[].thickness}, {@code world.walls[].from[]} for each number of a
 * point); its last key is what the loader reads. {@code unit} is as the file is written (degrees
 * for angles). The tables live in one class per record ({@code RobotBounds}, {@code SensorBounds},
 * {@code ScenarioBounds}, {@code WorldBounds}, {@code SoundBounds}, {@code FaultBounds}) and are
 * printed in scenarios/README.md; {@code scenarios.load.Bounds.ALL} gathers them for the tests that keep the two equal.
 */
public record Bound(String field, double min, double max, String unit, boolean whole, String why) {
    public Bound {
        if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException(field + ": bad range [" + min + ", " + max + "]");
        }
    }

    /** A real number in {@code [min, max]}. */
    public static Bound of(String field, double min, double max, String unit, String why) {
        return new Bound(field, min, max, unit, false, why);
    }

    /** A whole number in {@code [min, max]}. */
    public static Bound whole(String field, long min, long max, String unit, String why) {
        return new Bound(field, min, max, unit, true, why);
    }

    /** The YAML key the loader reads: the last segment of {@link #field}, without {@code []}. */
    public String key() {
        String last = field.substring(field.lastIndexOf('.') + 1);
        int bracket = last.indexOf('[');
        return bracket < 0 ? last : last.substring(0, bracket);
    }

    public boolean accepts(double v) {
        return v >= min && v <= max;
    }

    /** {@code [a, b]} followed by the unit, as every refusal prints it. */
    public String range() {
        return "[" + text(min) + ", " + text(max) + "]" + (unit.isEmpty() ? "" : " " + unit);
    }

    /** The problem text of a refusal: {@code 1e9 outside [1, 10000] Hz}. */
    public String outside(String written) {
        return written + " outside " + range();
    }

    /** A number as the tables and messages print it (as the fault limits do). */
    public static String text(double v) {
        return FaultLimits.text(v);
    }
}
