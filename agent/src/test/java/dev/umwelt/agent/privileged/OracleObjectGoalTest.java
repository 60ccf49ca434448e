package dev.umwelt.agent.privileged;

import dev.umwelt.agent.privileged.OraclePolicyTest.Outcome;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.umwelt.agent.privileged.OraclePolicyTest.RADIUS;
import static dev.umwelt.agent.privileged.OraclePolicyTest.drive;
import static dev.umwelt.agent.privileged.OraclePolicyTest.twoRooms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ObjectNav in closed loop with the kinematic unicycle of {@link OraclePolicyTest}. */
class OracleObjectGoalTest {
    static WorldObject object(String id, Shape shape, double x, double y, double yaw, double sx, double sy) {
        return new WorldObject(id, shape.key(), shape, new Colour("red", 0xff0000), new Pose2D(x, y, yaw), sx, sy, 0.5, false, 0);
    }

    static WorldMap withObjects(WorldMap m, WorldObject... objects) {
        return new WorldMap(m.walls(), m.doors(), m.rooms(), List.of(objects));
    }

    static void assertStopsNearTarget(Outcome o, WorldObject target, double timeBound) {
        double surface = target.distanceTo(new Vec2(o.pose().x(), o.pose().y()));
        System.out.printf("oracle objectnav: stopped=%s at (%.3f, %.3f) after %.2f s, %.3f m from the %s's surface, "
                + "min obstacle distance %.3f m, replans %d%n", o.stopped(), o.pose().x(), o.pose().y(), o.seconds(), surface,
                target.label(), o.minWallDistance(), o.replans());
        assertTrue(o.stopped(), "no STOP within the time limit; ended at " + o.pose());
        assertTrue(surface <= ObjectGoal.DEFAULT_SUCCESS_RADIUS, "stopped " + surface + " m from the surface");
        assertTrue(surface <= OraclePolicy.OBJECT_STOP + 1e-9, "STOP should come at most 0.75 m from the surface");
        assertTrue(o.seconds() <= timeBound, "took " + o.seconds() + " s");
        assertTrue(o.minWallDistance() >= RADIUS, "footprint touched a wall or the target: centre " + o.minWallDistance() + " m away");
    }

    @Test
    void boxInTheOtherRoomThroughTheNarrowDoor() {
        // The left room is > 1 m from the box everywhere, so STOP must come after the door.
        WorldObject box = object("box", Shape.BOX, 6.8, 3.2, 0.4, 0.6, 0.4);
        ObjectGoal task = new ObjectGoal("box", 1.0, "go to the red box");
        Outcome o = drive(withObjects(twoRooms(), box), new Pose2D(1.0, 3.0, -Math.PI / 2), task, 80);
        assertStopsNearTarget(o, box, 40);
        assertTrue(o.pose().x() > 4, "stopped before the door");
    }

    @Test
    void cylinderTuckedInACorner() {
        // 0.05 m from both walls of the far corner: the only approach is from the room's side.
        WorldObject bin = object("bin", Shape.CYLINDER, 7.75, 0.25, 0, 0.4, 0.4);
        ObjectGoal task = new ObjectGoal("bin", 1.0, "go to the bin");
        assertStopsNearTarget(drive(withObjects(twoRooms(), bin), new Pose2D(5.0, 3.5, Math.PI), task, 60), bin, 30);
    }

    @Test
    void deterministic() {
        WorldObject box = object("box", Shape.BOX, 6.8, 3.2, 0.4, 0.6, 0.4);
        ObjectGoal task = new ObjectGoal("box", 1.0, "go to the red box");
        WorldMap m = withObjects(twoRooms(), box);
        assertEquals(drive(m, new Pose2D(1.0, 3.0, 0.3), task, 80), drive(m, new Pose2D(1.0, 3.0, 0.3), task, 80));
    }
}
