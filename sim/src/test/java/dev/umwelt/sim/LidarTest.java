package dev.umwelt.sim;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.robot.LidarSpec;
import dev.umwelt.bus.robot.MotionNoise;
import dev.umwelt.bus.robot.OdometrySpec;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LidarTest {

    /** Rotated walls only: 17, 33 and 60 degrees, plus a -25 degree one behind. */
    static final List<Wall> ROTATED = List.of(
            Fixtures.wallAt(3.0, 0.5, 17, 5), Fixtures.wallAt(-0.5, 3.2, 33, 6),
            Fixtures.wallAt(-3.1, -1.0, 60, 5), Fixtures.wallAt(0.8, -3.4, -25, 7));

    @Test
    void rangesEqualAnalyticIntersectionsOnRotatedWalls() {
        Pose2D[] poses = {new Pose2D(0, 0, 0), new Pose2D(0.2, -0.9, 1.1), new Pose2D(-1.2, 0.9, -2.4)};
        int hits = 0;
        for (Pose2D start : poses) {
            Seen scan = firstScan(Fixtures.scenario(ROTATED, List.of(), start, Fixtures.robot()));
            List<Vec2[]> edges = new ArrayList<>();
            for (Wall w : ROTATED) edges.addAll(edgesOf(w.corners()));
            hits += compare(scan, edges, List.of(), 1e-4);
        }
        assertTrue(hits > 600, "most beams should hit a wall, got " + hits);
    }

    @Test
    void staticCylinderMatchesRayCircle() {
        WorldObject pillar = Fixtures.object("pillar", Shape.CYLINDER, new Pose2D(2.0, 0.6, 0), 0.8, 0.8, false);
        Seen scan = firstScan(Fixtures.scenario(List.of(), List.of(pillar), new Pose2D(0, 0, 0.2), Fixtures.robot()));
        int hits = compare(scan, List.of(), List.of(new double[] {2.0, 0.6, 0.4}), 1e-4);
        assertTrue(hits > 10, "the pillar should be seen by several beams, got " + hits);
    }

    /** Movable bodies go through JBox2D in float32 (~1e-6 m per coordinate), so 1e-3 here. */
    @Test
    void movableBoxMatchesAnalyticWithinFloatPrecision() {
        WorldObject box = Fixtures.object("crate", Shape.BOX, new Pose2D(2.5, -0.5, 0.4), 0.6, 0.4, true);
        List<Wall> walls = Fixtures.room(6);
        Seen scan = firstScan(Fixtures.scenario(walls, List.of(box), new Pose2D(0.3, 0.2, -0.3), Fixtures.robot()));
        List<Vec2[]> edges = new ArrayList<>(edgesOf(box.boxCorners()));
        for (Wall w : walls) edges.addAll(edgesOf(w.corners()));
        int hits = compare(scan, edges, List.of(), 1e-3);
        assertEquals(360, hits, "a closed room returns every beam");
        int onBox = 0;
        for (float r : scan.scan().ranges()) if (r < 3) onBox++;
        assertTrue(onBox > 5, "the box should be seen: " + onBox);
    }

    @Test
    void openSpaceIsPlusInfinity() {
        LidarScan scan = firstScan(Fixtures.scenario(List.of(Fixtures.wall(100, 100, 101, 100)), List.of(),
                Pose2D.ORIGIN, Fixtures.robot())).scan();
        for (float r : scan.ranges()) assertEquals(Float.POSITIVE_INFINITY, r);
    }

    @Test
    void wallCloserThanRangeMinIsMinusInfinity() {
        LidarSpec spec = new LidarSpec(new Pose2D(0.15, 0, 0), 10, 9, -0.2, 0.2, 0.3, 10, 0, 0);
        // Wall face 0.25 m ahead of the centre: 0.10 m from the laser, inside rangeMin.
        Scenario s = Fixtures.scenario(List.of(Fixtures.wall(0.3, -2, 0.3, 2)), List.of(), Pose2D.ORIGIN,
                Fixtures.robot(spec, OdometrySpec.perfect(20), MotionNoise.NONE));
        LidarScan scan = firstScan(s).scan();
        assertEquals(9, scan.beams());
        for (float r : scan.ranges()) assertEquals(Float.NEGATIVE_INFINITY, r);
    }

    @Test
    void dropoutFractionMatchesProbability() {
        LidarSpec spec = Fixtures.LIDAR.withNoise(0.01, 0.2);
        Scenario s = Fixtures.scenario(Fixtures.room(4), List.of(), Pose2D.ORIGIN,
                Fixtures.robot(spec, OdometrySpec.perfect(20), MotionNoise.NONE));
        int nan = 0, total = 0;
        try (Simulator sim = new Simulator(s)) {
            sim.reset(3);
            for (int t = 0; t < 100; t++) {
                LidarScan scan = sim.step(null).latest(LidarScan.class);
                if (scan == null) continue;
                for (float r : scan.ranges()) {
                    total++;
                    if (Float.isNaN(r)) nan++;
                    else assertTrue(Float.isFinite(r), "closed room, noise on: finite or NaN");
                }
            }
        }
        assertEquals(50 * 360, total);
        assertEquals(0.2, (double) nan / total, 0.012);
    }

    /** The reset scan and the ground truth it was taken from (both read back from float32 JBox2D state). */
    record Seen(LidarScan scan, Pose2D pose, LidarSpec spec) {}

    static Seen firstScan(Scenario s) {
        try (Simulator sim = new Simulator(s)) {
            TickReadings t0 = sim.reset(1);
            assertEquals(t0.groundTruth(), sim.groundTruth());
            return new Seen(t0.latest(LidarScan.class), t0.groundTruth(), s.robot().lidar());
        }
    }

    /** Checks every beam against the analytic nearest hit; returns the number of finite ranges. */
    static int compare(Seen seen, List<Vec2[]> edges, List<double[]> circles, double tol) {
        Pose2D laser = seen.pose().compose(seen.spec().mount());
        LidarScan scan = seen.scan();
        int finite = 0;
        for (int i = 0; i < scan.beams(); i++) {
            double a = laser.yaw() + seen.spec().angleMin() + i * seen.spec().angleIncrement();
            double dx = Math.cos(a), dy = Math.sin(a);
            double best = Double.POSITIVE_INFINITY;
            for (Vec2[] e : edges) best = Math.min(best, Analytic.raySegment(laser.x(), laser.y(), dx, dy, e[0], e[1]));
            for (double[] c : circles) best = Math.min(best, Analytic.rayCircle(laser.x(), laser.y(), dx, dy, c));
            if (best > seen.spec().rangeMax()) best = Double.POSITIVE_INFINITY;
            float r = scan.ranges()[i];
            if (best < seen.spec().rangeMin()) {
                assertEquals(Float.NEGATIVE_INFINITY, r, "beam " + i);
            } else if (best == Double.POSITIVE_INFINITY) {
                assertEquals(Float.POSITIVE_INFINITY, r, "beam " + i);
            } else {
                assertEquals(best, r, tol, "beam " + i);
                finite++;
            }
        }
        return finite;
    }

    static List<Vec2[]> edgesOf(List<Vec2> corners) {
        List<Vec2[]> out = new ArrayList<>();
        for (int k = 0; k < corners.size(); k++) out.add(new Vec2[] {corners.get(k), corners.get((k + 1) % corners.size())});
        return out;
    }
}
