package dev.umwelt.bus.sensing;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Stamped;

import java.util.Arrays;
import java.util.Objects;

/**
 * A planar scan with sensor_msgs/LaserScan semantics. Beam {@code i} points at
 * {@code angleMin + i * angleIncrement} (counter-clockwise, radians, in the laser frame).
 * Ranges in metres; per REP-117 {@code +Inf} is "no return within rangeMax", {@code -Inf}
 * "closer than rangeMin", {@code NaN} an invalid measurement. All three are valid values.
 *
 * <p>The arrays are shared, never copied, between producer and consumers (zero-copy on the
 * local bus): whoever builds a scan must not touch its arrays afterwards.
 */
public record LidarScan(
        Header header,
        float angleMin,
        float angleIncrement,
        float timeIncrement,
        float scanTime,
        float rangeMin,
        float rangeMax,
        float[] ranges,
        float[] intensities) implements Stamped {

    public LidarScan {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(ranges, "ranges");
        if (intensities == null) intensities = new float[0];
        if (intensities.length != 0 && intensities.length != ranges.length) {
            throw new IllegalArgumentException("intensities must be empty or one per beam: "
                    + intensities.length + " for " + ranges.length + " beams");
        }
    }

    public int beams() {
        return ranges.length;
    }

    /** The angle of the last beam, as LaserScan's {@code angle_max}. */
    public float angleMax() {
        if (ranges.length == 0) return angleMin;
        float max = angleMin + (ranges.length - 1) * angleIncrement;
        // From NaN angles (a corrupt scan) the JIT may carry either operand's NaN payload, the
        // interpreter the other: the canonical NaN keeps one scan encoding to the same bytes.
        return Float.isNaN(max) ? Float.NaN : max;
    }

    public double angleOf(int beam) {
        return angleMin + (double) beam * angleIncrement;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LidarScan s && header.equals(s.header)
                && Float.compare(angleMin, s.angleMin) == 0 && Float.compare(angleIncrement, s.angleIncrement) == 0
                && Float.compare(timeIncrement, s.timeIncrement) == 0 && Float.compare(scanTime, s.scanTime) == 0
                && Float.compare(rangeMin, s.rangeMin) == 0 && Float.compare(rangeMax, s.rangeMax) == 0
                && Arrays.equals(ranges, s.ranges) && Arrays.equals(intensities, s.intensities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, angleMin, angleIncrement, rangeMin, rangeMax, Arrays.hashCode(ranges));
    }

    @Override
    public String toString() {
        return "LidarScan[" + header + ", beams=" + ranges.length + ", angleMin=" + angleMin
                + ", angleIncrement=" + angleIncrement + ", range=" + rangeMin + ".." + rangeMax + "]";
    }
}
