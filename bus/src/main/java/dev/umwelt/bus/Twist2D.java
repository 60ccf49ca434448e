package dev.umwelt.bus;

/** Planar velocity in the body frame: linear along +x in m/s, angular about +z in rad/s. */
public record Twist2D(double linear, double angular) {
    public static final Twist2D ZERO = new Twist2D(0, 0);

    public Twist2D {
        if (!Double.isFinite(linear) || !Double.isFinite(angular)) {
            throw new IllegalArgumentException("twist must be finite: " + linear + ", " + angular);
        }
    }
}
