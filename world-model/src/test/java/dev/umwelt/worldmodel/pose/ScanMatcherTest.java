package dev.umwelt.worldmodel.pose;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.worldmodel.WorldModelBenchmark;
import dev.umwelt.worldmodel.grid.LikelihoodField;
import dev.umwelt.worldmodel.grid.OccupancyGrid;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ScanMatcherTest {
    @Test
    void recoversAnOffsetWithinTheWindow() {
        OccupancyGrid g = OccupancyGrid.covering(-6, -5, 6, 5, 0.05);
        Pose2D mount = new Pose2D(0.05, 0, 0);
        for (int i = 0; i < 10; i++) {
            Pose2D p = new Pose2D(-2 + 0.4 * i, 0.3 * Math.sin(i), 0.2 * i);
            g.integrate(WorldModelBenchmark.roomScan(p.compose(mount)), p.compose(mount));
        }
        LikelihoodField f = new LikelihoodField(g, 0.1);
        f.update();
        Pose2D truth = new Pose2D(0.7, -1.1, 0.5);
        LidarScan scan = WorldModelBenchmark.roomScan(truth.compose(mount));
        Pose2D guess = new Pose2D(truth.x() + 0.15, truth.y() - 0.12, truth.yaw() + Math.toRadians(4));
        ScanMatcher.Match m = new ScanMatcher().match(f, scan, mount, guess);
        assertEquals(0, m.pose().distanceTo(truth), 0.02, m.toString());
        assertTrue(Poses.yawError(m.pose(), truth) < Math.toRadians(0.5), m.toString());
        assertTrue(m.score() > 0.5);
    }

    @Test
    void posesInverseAndBetween() {
        Pose2D a = new Pose2D(1, 2, 0.7), b = new Pose2D(-0.5, 3, -2.0);
        Pose2D r = a.compose(Poses.between(a, b));
        assertEquals(b.x(), r.x(), 1e-9);
        assertEquals(b.y(), r.y(), 1e-9);
        assertEquals(0, Poses.yawError(b, r), 1e-9);
    }
}
