package dev.umwelt.worldmodel.query;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.bus.robot.RobotResolver;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.WorldModelConfig;
import dev.umwelt.worldmodel.grid.OccupancyGrid;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The explorer's use of the planner and frontier finder ({@link GridPlanner#sweep},
 * {@link Frontiers#find(GridPlanner.Sweep, int)}) on a hand-drawn grid: two rooms joined by a 0.6 m door.
 */
class SweepTest {
    static final RobotDescription TURTLE = RobotResolver.catalogRobot("turtle");
    static final double HARD = TURTLE.footprintRadius() + 0.03, PREFERRED = TURTLE.inflationRadius() + 0.2;

    /**
     * 8 m x 4 m, walls on the border, a wall at x = 4 with a door y in [1.7, 2.3]; the left room
     * and the door are known free, the right room known free only up to x = 6 (unknown beyond).
     */
    static void drawTwoRooms(OccupancyGrid g) {
        for (int iy = 0; iy < g.height(); iy++) {
            for (int ix = 0; ix < g.width(); ix++) {
                double x = g.centerX(ix), y = g.centerY(iy);
                boolean border = x < 0.05 || y < 0.05 || x > 7.95 || y > 3.95;
                boolean wall = Math.abs(x - 4) < 0.05 && !(y > 1.7 && y < 2.3);
                if (x < -0.1 || y < -0.1 || x > 8.1 || y > 4.1) continue;
                if (border || wall) g.setLogOdds(ix, iy, 3f);
                else if (x < 6) g.setLogOdds(ix, iy, -3f);
            }
        }
    }

    static OccupancyGrid twoRooms() {
        OccupancyGrid g = OccupancyGrid.covering(-0.5, -0.5, 8.5, 4.5, 0.05);
        drawTwoRooms(g);
        return g;
    }

    /** The world model's planner on a fresh {@link #twoRooms()}. */
    static GridPlanner onTwoRooms() {
        return new GridPlanner(new ClearanceField(twoRooms()), GridPlanner.Rules.inflated(TURTLE.footprintRadius(), 3));
    }

    /** The explorer's sweep from (1, 1) over the whole drawing. */
    static GridPlanner.Sweep fromTheLeftRoom(GridPlanner planner, double unknownCost) {
        return planner.sweep(1.0, 1.0, -0.5, -0.5, 8.5, 4.5, GridPlanner.Rules.keepClear(HARD, PREFERRED, 3.0, unknownCost));
    }

    @Test
    void clearanceIsTheExactDistanceToTheNearestWallCell() {
        OccupancyGrid g = twoRooms();
        ClearanceField c = new ClearanceField(g);
        // (2, 2): nearest occupied cell centres are on the border (y = 0.025 / 3.975) or x = 3.975 wall: 1.975 m.
        assertEquals(1.975, c.clearanceAt(2.0, 2.0), 0.03);
        // In the door, 0.3 m from each jamb (to cell centres ~0.325).
        assertEquals(0.30, c.clearanceAt(4.0, 2.0), 0.04);
        assertEquals(0.0, c.clearanceAt(0.02, 2.0), 1e-9);
        // lethal is inclusive and exact: a cell 4 cells (0.2 m) from a wall cell is lethal for 0.2, not for 0.199
        int ix = g.cellX(2.0), iy = g.cellY(0.025) + 4;
        assertEquals(0.2, c.clearance(iy * g.width() + ix), 1e-6);
        assertTrue(c.isLethal(ix, iy, 0.2));
        assertFalse(c.isLethal(ix, iy, 0.199));
        // the field follows the grid: a new wall cell next to (2, 2)
        long builds = c.builds();
        g.setLogOdds(g.cellX(2.0) + 6, g.cellY(2.0), 3f); // 6 cells east
        assertEquals(0.3, c.clearanceAt(2.0, 2.0), 0.03);
        assertEquals(builds + 1, c.builds());
    }

    /** The stamped mask the world model's frontier search reads is the transform's lethal set, cell for cell, at any radius. */
    @Test
    void theLethalMaskIsTheFieldsLethalSet() {
        OccupancyGrid g = twoRooms();
        ClearanceField c = new ClearanceField(g);
        for (double r : new double[] {0.0, 0.18, 0.2, 0.199, 0.37}) {
            boolean[] mask = c.lethalMask(r);
            int lethal = 0;
            for (int k = 0; k < mask.length; k++) {
                assertEquals(c.isLethal(k, r), mask[k], "cell " + k + " at radius " + r);
                if (mask[k]) lethal++;
            }
            assertTrue(lethal > 0, "radius " + r + " marks the walls");
        }
        boolean[] before = c.lethalMask(0.2).clone();
        g.setLogOdds(g.cellX(2.0), g.cellY(2.0), 3f); // a new wall cell: the mask follows the grid
        assertTrue(c.lethalMask(0.2)[g.cellY(2.0) * g.width() + g.cellX(2.0) + 3]);
        assertFalse(before[g.cellY(2.0) * g.width() + g.cellX(2.0) + 3]);
    }

    @Test
    void plansThroughTheDoorKeepingClearanceAndShortensByLineOfSight() {
        GridPlanner planner = onTwoRooms();
        ClearanceField c = planner.field();
        OccupancyGrid g = c.grid();
        GridPlanner.Sweep p = fromTheLeftRoom(planner, Double.POSITIVE_INFINITY);
        int goal = p.cellAt(5.5, 3.0);
        assertTrue(p.reached(goal));
        List<double[]> path = p.pathTo(goal, 1.0, 1.0, false);
        assertTrue(path.size() <= 6, "line of sight leaves few corners: " + path.size());
        double length = 0, minClear = Double.POSITIVE_INFINITY;
        for (int i = 1; i < path.size(); i++) {
            double[] a = path.get(i - 1), b = path.get(i);
            length += Math.hypot(b[0] - a[0], b[1] - a[1]);
            for (int k = 0; k <= 20; k++) {
                minClear = Math.min(minClear, c.clearanceAt(a[0] + k / 20.0 * (b[0] - a[0]), a[1] + k / 20.0 * (b[1] - a[1])));
            }
        }
        assertTrue(minClear >= HARD - 0.011, "clearance " + minClear);
        assertTrue(length > 5.0 && length < 5.9, "length " + length); // straight-line via the door: ~5.2 m
        // the cost exceeds the length: the door is narrower than the preferred clearance
        assertTrue(p.cost(goal) > length, "cost " + p.cost(goal));
        // Unknown space is not passable for exploration, but is for optimistic planning (cost 2).
        int unknownGoal = p.cellAt(7.0, 2.0);
        assertFalse(p.reached(unknownGoal));
        GridPlanner.Sweep optimistic = fromTheLeftRoom(planner, 2.0);
        assertTrue(optimistic.reached(unknownGoal));
        assertThrows(IllegalStateException.class, () -> p.cost(goal), "a sweep is stale once the planner searched again");
        // the cheapest cell within 0.2 m of a point beyond the door
        int near = optimistic.cheapest(k -> Math.hypot(g.centerX(k % g.width()) - 5.0, g.centerY(k / g.width()) - 2.0) <= 0.2);
        assertEquals(5.0 - 0.175, g.centerX(near % g.width()), 0.03);
    }

    @Test
    void theFrontierIsTheEdgeOfTheKnownRightRoom() {
        GridPlanner planner = onTwoRooms();
        GridPlanner.Sweep p = fromTheLeftRoom(planner, Double.POSITIVE_INFINITY);
        ClearanceField c = planner.field();
        List<Frontiers.Cluster> fs = new Frontiers(c, TURTLE.footprintRadius(), 6).find(p, 4);
        assertEquals(1, fs.size(), fs.toString());
        Frontiers.Cluster f = fs.get(0);
        assertEquals(5.975, f.x(), 0.06);
        assertTrue(f.cells() > 50, "the whole x = 6 edge: " + f.cells());
        assertTrue(f.cost() > 5.0 && f.cost() < 8.0, "cost " + f.cost());
        assertEquals(f.cost(), p.cost(p.cellAt(f.x(), f.y())), 1e-12);
        assertEquals(5.975, f.cx(), 0.01);
        assertEquals(2.0, f.cy(), 0.05);
        // the world model's own search finds the same edge as one cluster, at the cell nearest its centroid
        List<Frontier> own = new Frontiers(c, TURTLE.footprintRadius(), 6).find(1.0, 1.0);
        assertEquals(1, own.size(), own.toString());
        assertEquals(5.975, own.get(0).x(), 0.06);
        assertEquals(2.0, own.get(0).y(), 0.05);
    }

    @Test
    void theWorldModelShowsThePolicysFrontiers() {
        WorldModel wm = new WorldModel(TURTLE, new Pose2D(4, 2, 0), WorldModelConfig.DEFAULTS.withSize(9, 5));
        drawTwoRooms(wm.grid());
        GridPlanner planner = new GridPlanner(wm.clearance(), wm.planner().rules());
        List<Frontiers.Cluster> fs = wm.frontiers(fromTheLeftRoom(planner, Double.POSITIVE_INFINITY), 4);
        assertEquals(1, fs.size());
        assertEquals(List.of(fs.get(0).frontier()), wm.shownFrontiers());
        assertEquals(List.of(fs.get(0).frontier()), wm.snapshot().frontiers());
        // another world model's sweep is refused
        WorldModel other = new WorldModel(TURTLE, new Pose2D(4, 2, 0), WorldModelConfig.DEFAULTS.withSize(9, 5));
        assertThrows(IllegalArgumentException.class, () -> other.frontiers(fromTheLeftRoom(planner, Double.POSITIVE_INFINITY), 4));
    }
}
