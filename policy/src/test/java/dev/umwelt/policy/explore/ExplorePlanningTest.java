package dev.umwelt.policy.explore;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.policy.motion.Polyline;
import dev.umwelt.bus.robot.RobotResolver;
import dev.umwelt.bus.robot.MotionLimits;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.worldmodel.grid.OccupancyGrid;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The explorer's planning and control pieces on a hand-drawn grid: two rooms joined by a 0.6 m door. */
class ExplorePlanningTest {
    static final RobotDescription TURTLE = RobotResolver.catalogRobot("turtle");

    /**
     * 8 m x 4 m, walls on the border, a wall at x = 4 with a door y in [1.7, 2.3]; the left room
     * and the door are known free, the right room known free only up to x = 6 (unknown beyond).
     */
    static OccupancyGrid twoRooms() {
        OccupancyGrid g = OccupancyGrid.covering(-0.5, -0.5, 8.5, 4.5, 0.05);
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
        return g;
    }

    @Test
    void clearanceIsTheExactDistanceToTheNearestWallCell() {
        NavGrid g = NavGrid.of(twoRooms(), -0.5, -0.5, 8.5, 4.5);
        // (2, 2): nearest occupied cell centres are on the border (y = 0.025 / 3.975) or x = 3.975 wall: 1.975 m.
        assertEquals(1.975, g.clearanceAt(2.0, 2.0), 0.03);
        // In the door, 0.3 m from each jamb (to cell centres ~0.325).
        assertEquals(0.30, g.clearanceAt(4.0, 2.0), 0.04);
        assertEquals(0.0, g.clearanceAt(0.02, 2.0), 1e-9);
    }

    @Test
    void plansThroughTheDoorKeepingClearanceAndShortensByLineOfSight() {
        NavGrid g = NavGrid.of(twoRooms(), -0.5, -0.5, 8.5, 4.5);
        double hard = TURTLE.footprintRadius() + 0.03, preferred = TURTLE.inflationRadius() + 0.2;
        GridPlanner p = new GridPlanner(g, 1.0, 1.0, hard, preferred, Double.POSITIVE_INFINITY);
        int goal = g.index(g.cellI(5.5), g.cellJ(3.0));
        assertTrue(p.reachable(goal));
        List<double[]> path = p.pathTo(goal, 1.0, 1.0, hard, false);
        assertTrue(path.size() <= 6, "line of sight leaves few corners: " + path.size());
        double length = 0, minClear = Double.POSITIVE_INFINITY;
        for (int i = 1; i < path.size(); i++) {
            double[] a = path.get(i - 1), b = path.get(i);
            length += Math.hypot(b[0] - a[0], b[1] - a[1]);
            for (int k = 0; k <= 20; k++) {
                minClear = Math.min(minClear, g.clearanceAt(a[0] + k / 20.0 * (b[0] - a[0]), a[1] + k / 20.0 * (b[1] - a[1])));
            }
        }
        assertTrue(minClear >= hard - 0.011, "clearance " + minClear);
        assertTrue(length > 5.0 && length < 5.9, "length " + length); // straight-line via the door: ~5.2 m
        // Unknown space is not passable for exploration, but is for optimistic planning (cost 2).
        int unknownGoal = g.index(g.cellI(7.0), g.cellJ(2.0));
        assertFalse(p.reachable(unknownGoal));
        assertTrue(new GridPlanner(g, 1.0, 1.0, hard, preferred, 2.0).reachable(unknownGoal));
    }

    @Test
    void theFrontierIsTheEdgeOfTheKnownRightRoom() {
        NavGrid g = NavGrid.of(twoRooms(), -0.5, -0.5, 8.5, 4.5);
        double hard = TURTLE.footprintRadius() + 0.03;
        GridPlanner p = new GridPlanner(g, 1.0, 1.0, hard, TURTLE.inflationRadius() + 0.2, Double.POSITIVE_INFINITY);
        List<Frontiers.Frontier> fs = Frontiers.find(p, hard, ExplorerConfig.DEFAULTS);
        assertEquals(1, fs.size(), fs.toString());
        Frontiers.Frontier f = fs.get(0);
        assertEquals(5.975, f.x(), 0.06);
        assertTrue(f.cells() > 50, "the whole x = 6 edge: " + f.cells());
        assertTrue(f.cost() > 5.0 && f.cost() < 8.0, "cost " + f.cost());
    }

    @Test
    void driveKeepsTheRobotsLimits() {
        Drive d = new Drive(TURTLE, ExplorerConfig.DEFAULTS);
        MotionLimits lim = TURTLE.limits();
        double dt = TURTLE.controlPeriodNanos() * 1e-9;
        Polyline r = Polyline.of(List.of(new double[] {0, 0}, new double[] {5, 0}));
        double lastV = 0, lastW = 0, maxV = 0;
        for (int k = 0; k < 60; k++) {
            Twist2D t = d.follow(r, 0, new Pose2D(0, 0, 0), 1.0, 0, Double.POSITIVE_INFINITY);
            assertTrue(Math.abs(t.linear() - lastV) <= lim.maxLinearAcceleration() * dt + 1e-9);
            assertTrue(Math.abs(t.angular() - lastW) <= lim.maxAngularAcceleration() * dt + 1e-9);
            lastV = t.linear();
            lastW = t.angular();
            maxV = Math.max(maxV, lastV);
        }
        assertEquals(lim.maxLinearVelocity(), maxV, 1e-9);
        // Facing away from the route: rotate in place, never drive off backwards.
        Twist2D turn = new Drive(TURTLE, ExplorerConfig.DEFAULTS).follow(r, 0, new Pose2D(0, 0, Math.PI), 1.0, 0, Double.POSITIVE_INFINITY);
        assertEquals(0, turn.linear(), 1e-12);
        assertTrue(Math.abs(turn.angular()) > 0);
    }

    @Test
    void instructionsBecomeGoalsAndUnknownWordsAreNotGuessed() {
        assertInstanceOf(Goal.FindObject.class, GoalParser.parse("approach the red box near the door"));
        Goal.FindObject f = (Goal.FindObject) GoalParser.parse("go and find the green ball");
        assertEquals("green", f.query().colour());
        assertEquals(dev.umwelt.bus.appearance.Shape.SPHERE, f.query().requiredShape());
        assertInstanceOf(Goal.FindSound.class, GoalParser.parse("go to the beeping alarm in the kitchen"));
        Goal.ReachPoint p = (Goal.ReachPoint) GoalParser.parse("drive to coordinates 3.5, -2");
        assertEquals(3.5, p.x(), 1e-12);
        assertEquals(-2, p.y(), 1e-12);
        Goal bad = GoalParser.parse("go to the zorblax");
        assertInstanceOf(Goal.NotUnderstood.class, bad);
        assertTrue(((Goal.NotUnderstood) bad).reason().contains("zorblax"), bad.toString());
        assertInstanceOf(Goal.NotUnderstood.class, GoalParser.parse("go to the red box and the blue ball"));
    }
}
