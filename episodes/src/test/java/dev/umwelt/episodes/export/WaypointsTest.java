package dev.umwelt.episodes.export;

import dev.umwelt.bus.Pose2D;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Waypoint labels: future true poses in the robot's frame at the tick, interpolated off the step grid. */
class WaypointsTest {
    private static final long MS = 1_000_000L;
    private static final DatasetLayout LAYOUT = new DatasetLayout(4, 3, 8, 0, 0, 3, 130 * MS);

    @Test
    void futurePosesInTheRobotsFrameInterpolatedAndInvalidPastTheEnd() {
        Waypoints w = new Waypoints();
        // The robot at (1, 2) facing +y (yaw 90 degrees) drives 1 m/s along +y and turns 1 rad/s, 10 Hz poses.
        for (int k = 0; k <= 3; k++) w.add(k * 100 * MS, new Pose2D(1, 2 + 0.1 * k, Math.PI / 2 + 0.1 * k));
        TickSample s = new TickSample(LAYOUT);
        s.stampNanos = 0;
        s.pose = new Pose2D(1, 2, Math.PI / 2);
        w.fill(s, LAYOUT.waypoints(), LAYOUT.waypointStepNanos());
        // 130 ms: 30% of the way from the 100 ms pose to the 200 ms pose, in the robot's frame: straight ahead
        assertEquals(0.13, s.waypoints[0], 1e-6, "forward");
        assertEquals(0, s.waypoints[1], 1e-6, "left");
        assertEquals(0.13, s.waypoints[2], 1e-6, "yaw");
        assertEquals(0.26, s.waypoints[3], 1e-6);
        assertArrayEquals(new byte[] {1, 1, 0}, s.waypointsValid, "390 ms is past the last pose at 300 ms");
        assertEquals(0.3, s.waypoints[6], 1e-6, "an invalid waypoint repeats where the robot ended");
        assertEquals(0.3, s.waypoints[8], 1e-6);
    }

    @Test
    void yawGoesTheShortWayRoundAndOldPosesAreDropped() {
        Waypoints w = new Waypoints();
        w.add(0, new Pose2D(0, 0, Math.PI - 0.05));
        w.add(100 * MS, new Pose2D(0, 0, -Math.PI + 0.05));
        Pose2D mid = w.at(50 * MS);
        assertEquals(Math.PI, Math.abs(mid.yaw()), 1e-9, "through pi, not through zero");
        w.add(200 * MS, new Pose2D(1, 0, 0));
        w.add(100 * MS, new Pose2D(9, 9, 9)); // out of order: ignored
        w.dropBefore(150 * MS);
        assertNull(w.at(50 * MS), "dropped");
        assertEquals(0.5, w.at(150 * MS).x(), 1e-12, "the pose before 150 ms is kept for interpolation");
        assertEquals(200 * MS, w.newestStamp());
    }
}
