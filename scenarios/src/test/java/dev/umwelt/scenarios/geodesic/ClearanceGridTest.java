package dev.umwelt.scenarios.geodesic;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.testing.TestWorlds;
import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClearanceGridTest {

    @Test
    void cellValuesAreExactDistancesToTheNearestWall() {
        WorldMap map = TestWorlds.lCorridor();
        ClearanceGrid g = ClearanceGrid.build(map, 0.05);
        int checked = 0;
        for (int iy = 2; iy < g.height() - 2; iy += 7) {
            for (int ix = 2; ix < g.width() - 2; ix += 5) {
                Vec2 c = g.cellCenter(ix, iy);
                double expected = map.walls().stream().mapToDouble(w -> w.distanceTo(c)).min().orElseThrow();
                double edge = Math.min(Math.min(c.x() + 0.1, 6.1 - c.x()), Math.min(c.y() + 0.1, 5.1 - c.y()));
                expected = Math.max(0, Math.min(Math.min(expected, edge), ClearanceGrid.DEFAULT_CAP));
                assertEquals(expected, g.cellClearance(ix, iy), 1e-6, "cell " + ix + "," + iy);
                checked++;
            }
        }
        assertTrue(checked > 50);
        // A hand-computed cell: centre (1.025, 0.625) is 0.625 above the bottom wall's face (y = 0)
        // and 0.575 below the top face (y = 1.2); the nearest is the top wall.
        int ix = g.cellX(1.01), iy = g.cellY(0.61);
        assertEquals(1.025, g.centerX(ix), 1e-9);
        assertEquals(0.625, g.centerY(iy), 1e-9);
        assertEquals(0.575, g.cellClearance(ix, iy), 1e-6);
        // Near the inner junction the walls have square ends: the nearest solid point to (5.025, 1.025)
        // is the vertical wall's corner (4.8, 1.25).
        int jx = g.cellX(5.01), jy = g.cellY(1.01);
        assertEquals(Math.hypot(5.025 - 4.8, 1.25 - 1.025), g.cellClearance(jx, jy), 1e-6);
        assertTrue(g.isFree(jx, jy, 0.18));
        assertFalse(g.isFree(jx, jy, 0.4));
    }

    @Test
    void staticObjectsAreObstaclesAndMovableOnesAreNot() {
        List<Wall> walls = TestWorlds.lCorridor().walls();
        WorldObject pillar = new WorldObject("p", "pillar", Shape.CYLINDER, Colour.named("red").orElseThrow(),
                new Pose2D(2, 0.6, 0), 0.2, 0.2, 1, false, 0);
        WorldObject box = new WorldObject("b", "box", Shape.BOX, Colour.named("blue").orElseThrow(),
                new Pose2D(5.4, 3, 0.3), 0.4, 0.2, 1, true, 2);
        ClearanceGrid g = ClearanceGrid.build(new WorldMap(walls, List.of(), List.of(), List.of(pillar, box)), 0.05);
        Vec2 c = g.cellCenter(g.cellX(2.31), g.cellY(0.61)); // (2.325, 0.625)
        assertEquals(Math.hypot(0.325, 0.025) - 0.1, g.cellClearance(g.cellX(2.31), g.cellY(0.61)), 1e-6);
        assertEquals(pillar.distanceTo(c), g.clearanceAt(c), 1e-6);
        // The movable box is ignored: clearance there is the distance to the corridor walls.
        assertEquals(0.575, g.cellClearance(g.cellX(5.41), g.cellY(3.01)), 1e-6);
    }

    @Test
    void outsideTheBoundsIsBlocked() {
        ClearanceGrid g = ClearanceGrid.build(TestWorlds.lCorridor(), 0.05);
        assertEquals(0, g.clearanceAt(new Vec2(-1, -1)));
        assertEquals(0, g.clearanceAt(new Vec2(6.2, 2)));
        assertFalse(g.isFree(0, 0, 0.01));
        assertFalse(g.isFree(-1, 5, 0));
    }

    @Test
    void buildsA20mMapWithWallsInPlace() {
        List<Wall> walls = new ArrayList<>();
        walls.add(TestWorlds.wall(0, 0, 20, 0));
        walls.add(TestWorlds.wall(20, 0, 20, 20));
        walls.add(TestWorlds.wall(20, 20, 0, 20));
        walls.add(TestWorlds.wall(0, 20, 0, 0));
        for (int k = 1; k < 5; k++) {
            walls.add(TestWorlds.wall(4 * k, 0, 4 * k, 14));
            walls.add(TestWorlds.wall(0, 4 * k + 1, 12, 4 * k + 1));
        }
        WorldMap map = new WorldMap(walls, List.of(), List.of(), List.of());
        for (int i = 0; i < 5; i++) ClearanceGrid.build(map, 0.05); // warm up the JIT
        long t0 = System.nanoTime();
        ClearanceGrid g = ClearanceGrid.build(map, 0.05);
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("ClearanceGrid 20x20 m (%dx%d cells, %d walls): %.2f ms%n", g.width(), g.height(), walls.size(), ms);
        // Cost is printed, not asserted (benchmarks own timings); the values are asserted.
        assertEquals(0, g.clearanceAt(new Vec2(4, 7)), 1e-9, "on the wall x = 4");
        // (2, 4.7) is 0.3 m below the wall y = 5, less half a wall's thickness, to within a cell;
        // (2, 3) is farther than the 1 m cap from every wall.
        assertEquals(0.3 - TestWorlds.T / 2, g.clearanceAt(new Vec2(2, 4.7)), 0.05);
        assertEquals(1.0, g.clearanceAt(new Vec2(2, 3)), 1e-9);
    }
}
