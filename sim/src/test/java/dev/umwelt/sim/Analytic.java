package dev.umwelt.sim;

import dev.umwelt.bus.Vec2;

/** Closed-form ray intersections for the tests, written independently of the simulator's caster. */
final class Analytic {
    private Analytic() {}

    /** Distance along the unit ray to segment p-q by Cramer's rule, or +Inf. */
    static double raySegment(double ox, double oy, double dx, double dy, Vec2 p, Vec2 q) {
        // Solve o + t d = p + u (q - p):  [d, -(q-p)] [t, u]^T = p - o.
        double a11 = dx, a12 = -(q.x() - p.x()), a21 = dy, a22 = -(q.y() - p.y());
        double b1 = p.x() - ox, b2 = p.y() - oy;
        double det = a11 * a22 - a12 * a21;
        if (Math.abs(det) < 1e-15) return Double.POSITIVE_INFINITY;
        double t = (b1 * a22 - a12 * b2) / det;
        double u = (a11 * b2 - b1 * a21) / det;
        return t >= 0 && u >= 0 && u <= 1 ? t : Double.POSITIVE_INFINITY;
    }

    /** Distance along the unit ray to the circle {cx, cy, r} from outside, or +Inf. */
    static double rayCircle(double ox, double oy, double dx, double dy, double[] c) {
        // |o + t d - c|^2 = r^2  ->  t^2 + 2 t (d.(o-c)) + |o-c|^2 - r^2 = 0
        double fx = ox - c[0], fy = oy - c[1];
        double b = dx * fx + dy * fy, k = fx * fx + fy * fy - c[2] * c[2];
        double disc = b * b - k;
        if (disc < 0) return Double.POSITIVE_INFINITY;
        double t = -b - Math.sqrt(disc);
        return t >= 0 ? t : Double.POSITIVE_INFINITY;
    }
}
