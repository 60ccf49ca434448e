package dev.umwelt.sim;

import dev.umwelt.sim.bench.BenchWorld;
import dev.umwelt.sim.lidar.StaticGeometry;
import dev.umwelt.sim.lidar.StaticRayCaster;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticRayCasterTest {

    @Test
    void gridTraversalEqualsBruteForceExactly() {
        StaticGeometry g = StaticGeometry.of(BenchWorld.scenario().world());
        assertEquals(BenchWorld.WALLS + BenchWorld.BOXES, g.boxes());
        for (double cell : new double[] {0.5, 0.37, 1.3}) {
            StaticRayCaster caster = new StaticRayCaster(g, cell);
            SplittableRandom r = new SplittableRandom(9);
            int finite = 0;
            for (int k = 0; k < 50_000; k++) {
                // Origins also outside the world, so the clip to the grid is exercised.
                double ox = r.nextDouble(-13, 13), oy = r.nextDouble(-13, 13), a = r.nextDouble(-Math.PI, Math.PI);
                double dx = Math.cos(a), dy = Math.sin(a), max = r.nextDouble(0.5, 15);
                double grid = caster.cast(ox, oy, dx, dy, max), brute = caster.castBruteForce(ox, oy, dx, dy, max);
                assertEquals(brute, grid, 0.0, "ray " + k);
                if (Double.isFinite(grid)) finite++;
            }
            assertTrue(finite > 25_000, "most rays should hit: " + finite);
        }
    }

    /** castFan (sweep or grid, whichever it picks) equals brute force bit for bit, per beam. */
    @Test
    void fanEqualsBruteForceExactly() {
        StaticGeometry g = StaticGeometry.of(BenchWorld.scenario().world());
        for (double limit : new double[] {0, StaticRayCaster.DEFAULT_SWEEP_LIMIT, 1e9}) {
            StaticRayCaster caster = new StaticRayCaster(g, StaticRayCaster.DEFAULT_CELL, limit);
            SplittableRandom r = new SplittableRandom(11);
            for (int k = 0; k < 400; k++) {
                // Full turns and partial fans, beams from 2 to 1000, origins also outside the world.
                int n = k % 4 == 0 ? 2 + r.nextInt(40) : k % 4 == 1 ? 360 : 1000;
                boolean full = k % 3 != 0;
                double fov = full ? 2 * Math.PI : r.nextDouble(0.1, 4), inc = full ? fov / n : fov / (n - 1);
                double ox = r.nextDouble(-13, 13), oy = r.nextDouble(-13, 13), max = r.nextDouble(0.5, 15);
                double angle0 = r.nextDouble(-10, 10);
                double[] dx = new double[n], dy = new double[n], out = new double[n];
                for (int i = 0; i < n; i++) { dx[i] = Math.cos(angle0 + i * inc); dy[i] = Math.sin(angle0 + i * inc); }
                caster.castFan(ox, oy, angle0, inc, dx, dy, max, out);
                for (int i = 0; i < n; i++) {
                    assertEquals(caster.castBruteForce(ox, oy, dx[i], dy[i], max), out[i], 0.0, "fan " + k + " beam " + i);
                }
            }
        }
    }

    @Test
    void axisAlignedRaysAlongCellBoundariesStillHit() {
        StaticRayCaster caster = StaticRayCaster.of(StaticGeometry.of(
                new dev.umwelt.scenarios.world.WorldMap(Fixtures.room(2), java.util.List.of(), java.util.List.of(), java.util.List.of())));
        assertEquals(1.95, caster.cast(0, 0, 1, 0, 10), 1e-12);
        assertEquals(1.95, caster.cast(0, 0, 0, -1, 10), 1e-12);
        assertEquals(1.95, caster.cast(0.5, 1.0, -1, 0, 10) - 0.5, 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, caster.cast(0, 0, 1, 0, 1.9));
    }
}
