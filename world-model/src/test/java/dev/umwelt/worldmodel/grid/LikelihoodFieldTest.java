package dev.umwelt.worldmodel.grid;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.worldmodel.WorldModelBenchmark;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class LikelihoodFieldTest {
    /** The field kept up to date incrementally (stamps and local repairs) equals one built from scratch. */
    @Test
    void incrementalUpdatesEqualAFreshBuild() {
        OccupancyGrid g = OccupancyGrid.covering(-6, -5, 6, 5, 0.05);
        LikelihoodField kept = new LikelihoodField(g, 0.1);
        Random rnd = new Random(3);
        long repairsBefore = kept.repairs();
        for (int i = 0; i < 60; i++) {
            Pose2D laser = new Pose2D(-3 + 6 * rnd.nextDouble(), -2 + 4 * rnd.nextDouble(), 2 * Math.PI * rnd.nextDouble());
            // scans from slightly wrong poses smear the walls, so wall cells flip both ways
            Pose2D seenFrom = new Pose2D(laser.x() + 0.05 * rnd.nextGaussian(), laser.y() + 0.05 * rnd.nextGaussian(),
                    laser.yaw() + 0.02 * rnd.nextGaussian());
            g.integrate(WorldModelBenchmark.roomScan(laser), seenFrom);
            if (i % 3 == 0) {
                // a few cells cleared by hand too: the local repair must restore exactly what a rebuild gives
                g.setLogOdds(g.cellX(5 - 0.02), g.cellY(4 * rnd.nextDouble() - 2), OccupancyGrid.L_MIN);
            }
            kept.update();
        }
        assertTrue(kept.repairs() > repairsBefore, "the run must exercise local repairs: " + kept.repairs());
        LikelihoodField fresh = new LikelihoodField(g, 0.1);
        int compared = 0;
        double maxDiff = 0, sum = 0;
        for (double y = -4.9; y < 4.9; y += 0.013)
            for (double x = -5.9; x < 5.9; x += 0.017) {
                maxDiff = Math.max(maxDiff, Math.abs(kept.at(x, y) - fresh.at(x, y)));
                sum += fresh.at(x, y);
                compared++;
            }
        assertEquals(0, maxDiff, 1e-9, "max difference over " + compared + " points");
        assertTrue(sum / compared > 0.05, "the field is not empty: mean " + sum / compared);
    }

    @Test
    void cellUnitLookupEqualsMetricLookup() {
        OccupancyGrid g = OccupancyGrid.covering(-6, -5, 6, 5, 0.05);
        g.integrate(WorldModelBenchmark.roomScan(new Pose2D(0.3, -0.2, 0.4)), new Pose2D(0.3, -0.2, 0.4));
        LikelihoodField f = new LikelihoodField(g, 0.1);
        assertEquals(0, f.at(-7, 0), 0);
        assertEquals(0, f.at(0, 5.01), 0);
        for (double x = 4.7; x < 4.95; x += 0.011) {
            double y = 0.37;
            assertEquals(f.at(x, y), f.atCell(f.cellU(x), f.cellV(y)), 1e-12);
            assertTrue(f.at(x, y) > 0, "near the east wall at x = " + x);
        }
    }
}
