package dev.umwelt.scenarios.geodesic;

import dev.umwelt.bus.Vec2;

/**
 * The true continuous geodesic in {@code TestWorlds.lCorridor()} for a disc of radius r, from a
 * point in the horizontal arm to a point in the vertical arm.
 *
 * <p>Derivation. Wall.distanceTo measures distance to the segment less half the thickness, so a
 * wall is a capsule and the robot centre must stay at least R = r + t/2 from each wall's
 * centreline. The two inner walls meet at C = (4.75, 1.25); near the bend the forbidden region
 * is the union of the slab y >= 1.25 - R (x <= 4.75), the slab x <= 4.75 + R (y >= 1.25) and the
 * disc of radius R about C, which rounds the convex corner. A shortest path that turns left
 * around it is a taut string: the tangent from S to that disc, an arc on the disc, and the
 * tangent from the disc to G. With C on the path's left, the first tangent leaves S at heading
 * atan2(C - S) - asin(R/|SC|) and the last arrives at G with heading
 * atan2(C - G) + asin(R/|GC|) + pi; the arc turns counter-clockwise from one to the other.
 * Length = sqrt(|SC|^2 - R^2) + R * turn + sqrt(|GC|^2 - R^2). This holds when both tangent
 * points lie on the exposed quarter of the disc (x >= 4.75, y <= 1.25), which
 * {@link #tangentPoints} lets a test check.
 */
final class LCorridorGeodesic {
    private LCorridorGeodesic() {}

    static double length(Vec2 s, Vec2 g, Vec2 c, double bigR) {
        double sc = s.distanceTo(c), gc = g.distanceTo(c);
        double a1 = Math.atan2(c.y() - s.y(), c.x() - s.x()) - Math.asin(bigR / sc);
        double a2 = Math.atan2(c.y() - g.y(), c.x() - g.x()) + Math.asin(bigR / gc) + Math.PI;
        double turn = a2 - a1;
        while (turn < 0) turn += 2 * Math.PI;
        while (turn >= 2 * Math.PI) turn -= 2 * Math.PI;
        return Math.sqrt(sc * sc - bigR * bigR) + bigR * turn + Math.sqrt(gc * gc - bigR * bigR);
    }

    /** Tangent points {T1, T2}: where the path meets and leaves the disc about c. */
    static Vec2[] tangentPoints(Vec2 s, Vec2 g, Vec2 c, double bigR) {
        double a1 = Math.atan2(c.y() - s.y(), c.x() - s.x()) - Math.asin(bigR / s.distanceTo(c));
        double a2 = Math.atan2(c.y() - g.y(), c.x() - g.x()) + Math.asin(bigR / g.distanceTo(c)) + Math.PI;
        // The centre is on the left of the heading, so the tangent point is R to the right of c.
        return new Vec2[] {
            new Vec2(c.x() + bigR * Math.sin(a1), c.y() - bigR * Math.cos(a1)),
            new Vec2(c.x() + bigR * Math.sin(a2), c.y() - bigR * Math.cos(a2))};
    }
}
