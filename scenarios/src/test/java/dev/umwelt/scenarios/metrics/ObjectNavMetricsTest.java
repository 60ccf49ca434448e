package dev.umwelt.scenarios.metrics;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.scenarios.geodesic.Geodesics;
import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.testing.TestWorlds;
import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.umwelt.scenarios.metrics.MetricsCalculatorTest.walk;
import static dev.umwelt.scenarios.testing.TestWorlds.wall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ObjectNav metrics in an open 8 x 6 m room with a barrel (radius 0.3 m) at (6, 3) and the start
 * at (1, 3): every shortest path is straight, so d0 = 5 - 0.3 - 1.0 = 3.7 m exactly and dT is
 * the straight distance to the circle of radius 1.3 about the barrel.
 */
class ObjectNavMetricsTest {
    static final double D0 = 3.7, TOL = 2e-3;
    static final WorldObject BARREL = new WorldObject("barrel", "barrel", Shape.CYLINDER, new Colour("blue", 0x0000ff),
            new Pose2D(6, 3, 0), 0.6, 0.6, 1, false, 0);
    static final WorldMap ROOM = new WorldMap(List.of(wall(-0.05, -0.05, 8.05, -0.05), wall(8.05, -0.05, 8.05, 6.05),
            wall(8.05, 6.05, -0.05, 6.05), wall(-0.05, 6.05, -0.05, -0.05)), List.of(), List.of(), List.of(BARREL));
    final Scenario scenario = new Scenario("objectnav", null, "test-bot", TestWorlds.robot(0.18, 0.1), ROOM,
            new Pose2D(1, 3, 0), new ObjectGoal("barrel", 1.0, "go to the blue barrel"), 120, 100, 1);
    final Geodesics geo = new Geodesics(ClearanceGrid.build(ROOM, 0.05), 0.18);

    @Test
    void detourThatStopsInsideTheRegion() {
        // (1,3) -> (3,4) -> (5,3): two legs of sqrt(5); it ends 0.7 m from the surface.
        TrajectoryRecorder t = walk(new Vec2(1, 3), new Vec2(3, 4), new Vec2(5, 3));
        double p = 2 * Math.sqrt(5);
        EpisodeMetrics m = MetricsCalculator.compute(scenario, geo, t, 0, true, 12, "stop");
        assertTrue(m.success());
        assertEquals(D0, m.geodesicDistance(), TOL);
        assertEquals(0, m.finalDistanceToGoal());
        assertEquals(D0 / p, m.spl(), TOL);     // 0.8273
        assertEquals(D0 / p, m.softSpl(), TOL); // dT = 0: full progress
    }

    @Test
    void stoppingShortFailsButEarnsSoftSpl() {
        // Straight 3.0 m east to (4, 3): 1.7 m from the surface, 0.7 m from the region.
        TrajectoryRecorder t = walk(new Vec2(1, 3), new Vec2(4, 3));
        EpisodeMetrics m = MetricsCalculator.compute(scenario, geo, t, 0, true, 8, "stop");
        assertFalse(m.success());
        assertEquals(0, m.spl());
        assertEquals(0.7, m.finalDistanceToGoal(), TOL);
        assertEquals(1 - 0.7 / D0, m.softSpl(), TOL); // p = 3.0 < d0, so the efficiency term is 1: 0.8108
    }

    @Test
    void reachingTheRegionWithoutStoppingIsNoSuccess() {
        TrajectoryRecorder t = walk(new Vec2(1, 3), new Vec2(5, 3));
        EpisodeMetrics m = MetricsCalculator.compute(scenario, geo, t, 0, false, 120, "time-limit");
        assertFalse(m.success());
        assertEquals(0, m.spl());
        assertEquals(D0 / 4.0, m.softSpl(), TOL); // 0.925
    }
}
