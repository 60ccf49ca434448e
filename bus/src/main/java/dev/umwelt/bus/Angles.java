package dev.umwelt.bus;

/** Angle helpers; every yaw in the project lives in (-pi, pi]. */
public final class Angles {
    private Angles() {}

    public static double normalize(double a) {
        if (a > -Math.PI && a <= Math.PI) return a;
        double r = Math.IEEEremainder(a, 2 * Math.PI);
        return r <= -Math.PI ? r + 2 * Math.PI : r;
    }

    /** Signed smallest rotation from {@code from} to {@code to}. */
    public static double difference(double to, double from) {
        return normalize(to - from);
    }
}
