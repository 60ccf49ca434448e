package dev.umwelt.worldmodel.grid;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.LidarScan;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class OccupancyGridTest {
    private static LidarScan oneBeam(float range) {
        return new LidarScan(new Header(0, "laser"), 0f, 0.01f, 0f, 0.05f, 0.1f, 3f, new float[]{range}, null);
    }

    @Test
    void finiteReturnIsFreeAlongAndOccupiedAtTheHit() {
        OccupancyGrid g = OccupancyGrid.covering(-1, -1, 5, 1, 0.05);
        for (int i = 0; i < 5; i++) g.integrate(oneBeam(2.0f), new Pose2D(0.01, 0.01, 0));
        assertTrue(g.isFreeAt(0.5, 0.01));
        assertTrue(g.isFreeAt(1.9, 0.01));
        assertTrue(g.isOccupiedAt(2.01, 0.01));
        assertTrue(g.probabilityAt(2.01, 0.01) > 0.9);
        assertFalse(g.isFreeAt(2.5, 0.01) || g.isOccupiedAt(2.5, 0.01), "beyond the hit stays unknown");
        assertEquals(0.5, g.probabilityAt(0.5, 0.5), 1e-9);
    }

    @Test
    void positiveInfinityIsFreeToRangeMaxAndOthersAreSkipped() {
        OccupancyGrid g = OccupancyGrid.covering(-1, -1, 5, 1, 0.05);
        for (int i = 0; i < 5; i++) g.integrate(oneBeam(Float.POSITIVE_INFINITY), new Pose2D(0.01, 0.01, 0));
        assertTrue(g.isFreeAt(2.9, 0.01));
        assertFalse(g.isOccupiedAt(2.99, 0.01));
        OccupancyGrid h = OccupancyGrid.covering(-1, -1, 5, 1, 0.05);
        h.integrate(oneBeam(Float.NEGATIVE_INFINITY), Pose2D.ORIGIN);
        h.integrate(oneBeam(Float.NaN), Pose2D.ORIGIN);
        for (boolean f : h.toFreeMask()) assertFalse(f);
        for (boolean o : h.toOccupiedMask()) assertFalse(o);
    }

    @Test
    void logOddsAreClampedSoTheMapCanChangeItsMind() {
        OccupancyGrid g = OccupancyGrid.covering(-1, -1, 5, 1, 0.05);
        for (int i = 0; i < 100; i++) g.integrate(oneBeam(2.0f), new Pose2D(0.01, 0.01, 0));
        assertEquals(OccupancyGrid.L_MAX, g.logOdds(g.cellX(2.01), g.cellY(0.01)), 1e-6);
        for (int i = 0; i < 30; i++) g.integrate(oneBeam(Float.POSITIVE_INFINITY), new Pose2D(0.01, 0.01, 0));
        assertTrue(g.isFreeAt(2.01, 0.01), "a moved obstacle is cleared");
    }

    @Test
    void diagonalBeamTracesAConnectedLine() {
        OccupancyGrid g = OccupancyGrid.covering(-2, -2, 2, 2, 0.05);
        LidarScan s = new LidarScan(new Header(0, "laser"), (float) Math.toRadians(37), 0.01f, 0f, 0.05f, 0.1f, 3f,
                new float[]{1.5f}, null);
        for (int i = 0; i < 3; i++) g.integrate(s, Pose2D.ORIGIN);
        for (double d = 0.05; d < 1.45; d += 0.01) {
            double a = Math.toRadians(37);
            assertTrue(g.isFreeAt(d * Math.cos(a), d * Math.sin(a)), "free at " + d);
        }
    }
}
