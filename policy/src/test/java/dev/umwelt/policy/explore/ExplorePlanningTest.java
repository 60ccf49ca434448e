package dev.umwelt.policy.explore;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.policy.motion.Polyline;
import dev.umwelt.bus.robot.RobotResolver;
import dev.umwelt.bus.robot.MotionLimits;
import dev.umwelt.bus.robot.RobotDescription;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The explorer's control and instruction pieces. Its planning (the sweep, routes, frontiers) is the
 * world model's: world-model/src/test/java/dev/umwelt/worldmodel/query/SweepTest.java.
 */
class ExplorePlanningTest {
    static final RobotDescription TURTLE = RobotResolver.catalogRobot("turtle");

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
