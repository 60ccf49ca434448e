package dev.umwelt.bus.fault;

/**
 * The documented ranges of a fault's numbers, shared by the command line ({@link FaultSpec}) and
 * a scenario's {@code faults:} list (scenarios' FaultBounds prints them in its README table).
 * Times stay far from the overflow of nanosecond stamps (9.2e18 ns is 292 years); a delay holds
 * back delay x rate readings, so it stays a latency, not a recording.
 */
public final class FaultLimits {
    private FaultLimits() {}

    /** Window start and end, seconds since the episode start: up to a day. */
    public static final double MAX_TIME_S = 86_400;
    public static final double MIN_DELAY_S = 0.001, MAX_DELAY_S = 10;
    /** Metres for lidar, 8-bit levels for the camera (255 already saturates), PCM16 levels for audio (32768 is full scale). */
    public static final double MIN_SIGMA = 1e-6, MAX_SIGMA = 32768;

    /** {@code null} when {@code v} is within {@code [min, max]}, else the refusal: {@code 1e12 outside [0.001, 10] s}. */
    public static String outside(String written, double v, double min, double max, String unit) {
        if (v >= min && v <= max) return null;
        return written + " outside [" + text(min) + ", " + text(max) + "]" + (unit.isEmpty() ? "" : " " + unit);
    }

    /** A number as the range tables print it: no trailing zeros, no exponent unless it is huge or tiny. */
    public static String text(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e16) return Long.toString((long) v);
        if (!Double.isFinite(v) || Math.abs(v) >= 1e16 || Math.abs(v) < 1e-9) return Double.toString(v);
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
