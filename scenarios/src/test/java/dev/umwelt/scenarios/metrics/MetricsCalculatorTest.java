package dev.umwelt.scenarios.metrics;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.scenarios.geodesic.Geodesics;
import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.testing.TestWorlds;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsCalculatorTest {
    static final double R = 0.18;
    static final Vec2 START = new Vec2(1.0, 0.6), GOAL = new Vec2(5.4, 4.0);
    final Scenario scenario = TestWorlds.scenario(TestWorlds.lCorridor(), TestWorlds.robot(R, 0.1),
            new Pose2D(START.x(), START.y(), 0), GOAL, 0.3);
    final Geodesics geo = new Geodesics(ClearanceGrid.build(scenario.world(), 0.05), R);

    /**
     * The true geodesic start-goal, derived by hand (see LCorridorGeodesic in the geodesic tests):
     * tangent 1.0,0.6 -> disc of radius R + 0.05 about (4.75, 1.25), arc, tangent -> 5.4,4.0.
     */
    static double analyticL() {
        Vec2 c = TestWorlds.INNER_JUNCTION;
        double bigR = R + 0.05;
        double sc = START.distanceTo(c), gc = GOAL.distanceTo(c);
        double a1 = Math.atan2(c.y() - START.y(), c.x() - START.x()) - Math.asin(bigR / sc);
        double a2 = Math.atan2(c.y() - GOAL.y(), c.x() - GOAL.x()) + Math.asin(bigR / gc) + Math.PI;
        return Math.sqrt(sc * sc - bigR * bigR) + bigR * (a2 - a1) + Math.sqrt(gc * gc - bigR * bigR);
    }

    static TrajectoryRecorder walk(Vec2... corners) {
        TrajectoryRecorder t = new TrajectoryRecorder();
        for (Vec2 v : corners) t.record(new Pose2D(v.x(), v.y(), 0));
        return t;
    }

    @Test
    void splOfADetourThatStopsAtTheGoal() {
        double l = analyticL(); // 6.9164 m
        // Along the corridor axes: 4.4 m east then 3.4 m north, exactly 7.8 m.
        TrajectoryRecorder t = walk(START, new Vec2(3, 0.6), new Vec2(5.4, 0.6), new Vec2(5.4, 2), GOAL);
        assertEquals(7.8, t.pathLength(), 1e-12);
        EpisodeMetrics m = MetricsCalculator.compute(scenario, geo, t, 0, true, 30, "stop");
        assertTrue(m.success());
        assertEquals(l, m.geodesicDistance(), 0.01 * l);
        assertEquals(l / 7.8, m.spl(), 1e-2);           // 0.8867
        assertEquals(1.0 * l / 7.8, m.softSpl(), 1e-2); // d_T = 0
        assertEquals(0, m.finalDistanceToGoal(), 1e-12);
        assertEquals(t.hash(), m.trajectoryHash());
    }

    @Test
    void noStopNoSuccessButSoftSplStillCounts() {
        double l = analyticL();
        TrajectoryRecorder t = walk(START, new Vec2(5.4, 0.6), GOAL);
        EpisodeMetrics m = MetricsCalculator.compute(scenario, geo, t, 2, false, 120, "time-limit");
        assertFalse(m.success());
        assertEquals(0, m.spl());
        assertEquals(l / 7.8, m.softSpl(), 1e-2);
        assertEquals(2, m.collisions());
    }

    @Test
    void stoppingShortOfTheGoal() {
        double l = analyticL();
        // 4.4 + 2.4 = 6.8 m, shorter than l, ending 1.0 m (straight up the arm) from the goal.
        TrajectoryRecorder t = walk(START, new Vec2(5.4, 0.6), new Vec2(5.4, 3.0));
        EpisodeMetrics m = MetricsCalculator.compute(scenario, geo, t, 0, true, 20, "stop");
        assertFalse(m.success());
        assertEquals(0, m.spl());
        assertEquals(1.0, m.finalDistanceToGoal(), 1e-9);
        assertEquals((1 - 1.0 / l) * l / Math.max(6.8, l), m.softSpl(), 1e-2); // 0.8554
    }

    @Test
    void zeroGeodesicEdgeCase() {
        Scenario atGoal = TestWorlds.scenario(scenario.world(), scenario.robot(), new Pose2D(GOAL.x(), GOAL.y(), 0), GOAL, 0.3);
        EpisodeMetrics still = MetricsCalculator.compute(atGoal, geo, walk(GOAL, GOAL), 0, true, 1, "stop");
        assertEquals(1, still.spl());
        assertEquals(1, still.softSpl());
        EpisodeMetrics wandered = MetricsCalculator.compute(atGoal, geo, walk(GOAL, new Vec2(5.4, 3), GOAL), 0, true, 1, "stop");
        assertTrue(wandered.success());
        assertEquals(0, wandered.spl());
        assertEquals(0, wandered.softSpl());
    }

    @Test
    void unreachableGoalScoresZeroAndSerialisesAsNull() {
        Scenario cut = TestWorlds.scenario(scenario.world(), scenario.robot(), scenario.start(), new Vec2(2.5, 3), 0.3);
        EpisodeMetrics m = MetricsCalculator.compute(cut, geo, walk(START, new Vec2(2, 0.6)), 0, true, 5, "stop");
        assertEquals(Double.POSITIVE_INFINITY, m.geodesicDistance());
        assertEquals(0, m.spl());
        assertEquals(0, m.softSpl());
        assertEquals(null, m.toJsonMap().get("geodesicDistance"));
        assertEquals(List.of("success", "spl", "softSpl", "pathLength", "collisions", "timeSeconds", "trajectoryHash",
                "geodesicDistance", "finalDistanceToGoal", "stopped", "endReason"), List.copyOf(m.toJsonMap().keySet()));
    }
}
