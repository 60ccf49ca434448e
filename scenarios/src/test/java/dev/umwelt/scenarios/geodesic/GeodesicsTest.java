package dev.umwelt.scenarios.geodesic;

import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.testing.TestWorlds;
import dev.umwelt.scenarios.world.WorldMap;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeodesicsTest {
    static final double R = 0.18;
    final ClearanceGrid grid = ClearanceGrid.build(TestWorlds.lCorridor(), 0.05);
    final Geodesics geo = new Geodesics(grid, R);

    @Test
    void lCorridorDistanceMatchesTheAnalyticGeodesicWithin1Percent() {
        Vec2[][] cases = {
            {new Vec2(1.0, 0.6), new Vec2(5.4, 4.0)},
            {new Vec2(0.4, 0.3), new Vec2(5.7, 4.6)},
            {new Vec2(2.0, 0.9), new Vec2(5.1, 3.0)},
        };
        double bigR = R + TestWorlds.T / 2;
        for (Vec2[] c : cases) {
            Vec2[] t = LCorridorGeodesic.tangentPoints(c[0], c[1], TestWorlds.INNER_JUNCTION, bigR);
            for (Vec2 p : t) assertTrue(p.x() >= 4.75 && p.y() <= 1.25, "tangent point off the exposed arc: " + p);
            double exact = LCorridorGeodesic.length(c[0], c[1], TestWorlds.INNER_JUNCTION, bigR);
            GeodesicPath path = geo.shortestPath(c[0], c[1]).orElseThrow();
            double err = (path.length() - exact) / exact;
            System.out.printf("L corridor %s -> %s: analytic %.4f m, Theta* %.4f m, error %+.3f%%%n",
                    c[0], c[1], exact, path.length(), 100 * err);
            assertTrue(Math.abs(err) < 0.01, "relative error " + err);
            assertEquals(path.length(), geo.distance(c[0], c[1]), 1e-12);
            assertEquals(c[0], path.waypoints().get(0));
            assertEquals(c[1], path.waypoints().get(path.waypoints().size() - 1));
            for (int i = 1; i < path.waypoints().size(); i++) {
                Vec2 a = path.waypoints().get(i - 1), b = path.waypoints().get(i);
                for (double f = 0; f <= 1; f += 0.01) {
                    Vec2 q = a.plus(b.minus(a).times(f));
                    double clearance = TestWorlds.lCorridor().walls().stream().mapToDouble(w -> w.distanceTo(q)).min().orElseThrow();
                    assertTrue(clearance > R - 0.011, "path point " + q + " has clearance " + clearance);
                }
            }
        }
    }

    @Test
    void straightLineWhenVisible() {
        Vec2 a = new Vec2(0.5, 0.6), b = new Vec2(4.5, 0.7);
        assertTrue(geo.lineOfSight(a, b));
        assertEquals(a.distanceTo(b), geo.distance(a, b), 1e-12);
        assertFalse(geo.lineOfSight(new Vec2(1, 0.6), new Vec2(5.4, 4.0)));
    }

    @Test
    void unreachableGoalIsInfinite() {
        // (3, 3) lies behind the inner walls, outside the corridor: no path from inside.
        assertEquals(Double.POSITIVE_INFINITY, geo.distance(new Vec2(1, 0.6), new Vec2(2.5, 3)));
        assertTrue(geo.shortestPath(new Vec2(1, 0.6), new Vec2(2.5, 3)).isEmpty());
    }

    @Test
    void endpointsInsideTheInflationSnapButStayExact() {
        Vec2 start = new Vec2(1.0, 0.05); // 5 cm from the bottom wall, inside the 0.18 inflation
        Vec2 goal = new Vec2(5.93, 4.9);  // in the far corner
        GeodesicPath p = geo.shortestPath(start, goal).orElseThrow();
        assertEquals(start, p.waypoints().get(0));
        assertEquals(goal, p.waypoints().get(p.waypoints().size() - 1));
        assertTrue(p.length() > start.distanceTo(goal));
        assertTrue(Double.isFinite(geo.distance(goal, start)));
    }

    @Test
    void serpentinePathOn400x400GridWindsThroughEveryGap() {
        List<dev.umwelt.scenarios.world.Wall> walls = new ArrayList<>();
        walls.add(TestWorlds.wall(0, 0, 20, 0));
        walls.add(TestWorlds.wall(20, 0, 20, 20));
        walls.add(TestWorlds.wall(20, 20, 0, 20));
        walls.add(TestWorlds.wall(0, 20, 0, 0));
        // A serpentine: the path must wind through four gaps at alternating ends.
        for (int k = 1; k <= 4; k++) {
            boolean left = k % 2 == 1;
            walls.add(TestWorlds.wall(left ? 0 : 2, 4 * k, left ? 18 : 20, 4 * k));
        }
        WorldMap map = new WorldMap(walls, List.of(), List.of(), List.of());
        ClearanceGrid g = ClearanceGrid.build(map, 0.05);
        Geodesics gd = new Geodesics(g, R);
        Vec2 a = new Vec2(1, 1), b = new Vec2(1, 19);
        for (int i = 0; i < 5; i++) gd.distance(a, b);
        int n = 10;
        long t0 = System.nanoTime();
        double d = 0;
        for (int i = 0; i < n; i++) d = gd.distance(a, b);
        double ms = (System.nanoTime() - t0) / 1e6 / n;
        System.out.printf("Geodesics %dx%d serpentine query: %.2f ms, %.3f m%n", g.width(), g.height(), ms, d);
        // Every path passes each gap, so the polyline through the four free wall ends, (18,4),
        // (2,8), (18,12), (2,16), is a lower bound; clearing them by R costs little more.
        double bound = Math.hypot(17, 3) + 3 * Math.hypot(16, 4) + Math.hypot(1, 3);
        assertTrue(d > bound && d < bound * 1.03, "path must wind through the serpentine: " + d + " vs " + bound);
        // A typical query: across the serpentine's first lane and round one gap.
        Vec2 c = new Vec2(1, 1), e = new Vec2(3, 6);
        for (int i = 0; i < 5; i++) gd.distance(c, e);
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) gd.distance(c, e);
        System.out.printf("Geodesics %dx%d one-bend query: %.2f ms%n", g.width(), g.height(), (System.nanoTime() - t1) / 1e6 / n);
        // Cost is printed for the record, never asserted: timings belong in benchmarks (machines are noisy).
    }
}
