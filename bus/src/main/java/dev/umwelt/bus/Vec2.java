package dev.umwelt.bus;

/** A point or vector in the plane, metres (REP-103: x forward/east, y left/north). */
public record Vec2(double x, double y) {
    public static final Vec2 ZERO = new Vec2(0, 0);

    public Vec2 {
        if (!Double.isFinite(x) || !Double.isFinite(y)) throw new IllegalArgumentException("non-finite point " + x + ", " + y);
    }

    public Vec2 plus(Vec2 o) { return new Vec2(x + o.x, y + o.y); }
    public Vec2 minus(Vec2 o) { return new Vec2(x - o.x, y - o.y); }
    public Vec2 times(double k) { return new Vec2(x * k, y * k); }
    public double dot(Vec2 o) { return x * o.x + y * o.y; }
    public double cross(Vec2 o) { return x * o.y - y * o.x; }
    public double length() { return Math.hypot(x, y); }
    public double distanceTo(Vec2 o) { return Math.hypot(o.x - x, o.y - y); }

    public Vec2 rotated(double angle) {
        double c = Math.cos(angle), s = Math.sin(angle);
        return new Vec2(c * x - s * y, s * x + c * y);
    }

    /** Distance from this point to the segment a-b. */
    public double distanceToSegment(Vec2 a, Vec2 b) {
        double dx = b.x - a.x, dy = b.y - a.y;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : ((x - a.x) * dx + (y - a.y) * dy) / len2;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
    }
}
