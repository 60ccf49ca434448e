package dev.umwelt.scenarios.geodesic;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.scenarios.testing.TestWorlds;
import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.umwelt.scenarios.testing.TestWorlds.wall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskGeodesicsTest {
    static final double R = 0.18;

    static WorldObject object(String id, Shape shape, double x, double y, double sx, double sy) {
        return new WorldObject(id, shape.key(), shape, new Colour("red", 0xff0000), new Pose2D(x, y, 0), sx, sy, 1, false, 0);
    }

    /** Free space x in [0, 8], y in [0, 6], plus the given extra walls and objects. */
    static WorldMap room(List<Wall> extra, List<WorldObject> objects) {
        List<Wall> walls = new ArrayList<>(List.of(wall(-0.05, -0.05, 8.05, -0.05), wall(8.05, -0.05, 8.05, 6.05),
                wall(8.05, 6.05, -0.05, 6.05), wall(-0.05, 6.05, -0.05, -0.05)));
        walls.addAll(extra);
        return new WorldMap(walls, List.of(), List.of(), objects);
    }

    static Geodesics geodesics(WorldMap map) {
        return new Geodesics(ClearanceGrid.build(map, 0.05), R);
    }

    @Test
    void roundTargetInTheOpenIsCentreDistanceMinusRadiusMinusSuccessRadius() {
        double a = 0.3;
        WorldObject barrel = object("barrel", Shape.CYLINDER, 6.0, 3.0, 2 * a, 2 * a);
        WorldMap map = room(List.of(), List.of(barrel));
        Geodesics g = geodesics(map);
        ObjectGoal task = new ObjectGoal("barrel", 1.0, "go to the barrel");
        for (Vec2 from : List.of(new Vec2(1.0, 3.0), new Vec2(1.13, 1.27), new Vec2(0.52, 5.31), new Vec2(7.4, 0.6))) {
            double exact = from.distanceTo(barrel.position()) - a - 1.0;
            GeodesicPath p = TaskGeodesics.path(g, map, task, from).orElseThrow();
            System.out.printf("objectnav open room from %s: analytic %.4f m, geodesic %.4f m, error %+.4f m%n",
                    from, exact, p.length(), p.length() - exact);
            assertEquals(exact, p.length(), 0.02);
            assertEquals(p.length(), TaskGeodesics.distance(g, map, task, from), 1e-12);
            assertEquals(from, p.waypoints().get(0));
            // The path ends on the region's boundary, not at a cell centre inside it.
            assertEquals(1.0, barrel.distanceTo(p.waypoints().get(p.waypoints().size() - 1)), 1e-3);
        }
    }

    /**
     * A box behind a wall. Free space x in [0, 8], y in [0, 6]; an inner wall (thickness 0.1)
     * along y = 3 from the left wall to x = 4, its square end at x = 4 with corners (4, 2.95) and
     * (4, 3.05). The box spans x in [3.2, 5.2], y in [5.0, 5.6], so its success region (1.0 m)
     * lies in y >= 4.0, and its flat bottom edge y = 4.0 spans x in [3.2, 5.2].
     *
     * <p>Derivation: the region lies inside the half-plane y >= 4.0, so no path to it is shorter
     * than the geodesic to that half-plane; that geodesic from the start (2.5, 1.8), below the
     * wall, is the taut string that goes tangent to the inflated lower corner of the wall end (a
     * disc of radius R about C = (4, 2.95)), wraps it counter-clockwise until heading +y (at
     * (4 + R, 2.95)), then runs straight up along the inflated end face x = 4 + R to y = 4.0. It
     * ends at (4 + R, 4.0), which is in the region (x within the box's span), so it is also the
     * geodesic to the region: |SC|-tangent + R * (pi/2 - theta1) + (4.0 - 2.95), with theta1 the
     * tangent's heading, atan2(C - S) - asin(R / |SC|).
     */
    @Test
    void boxBehindAWallMatchesTheHandDerivedGeodesicWithin1Percent() {
        WorldObject box = object("box", Shape.BOX, 4.2, 5.3, 2.0, 0.6);
        WorldMap map = room(List.of(wall(-0.05, 3, 4, 3)), List.of(box));
        Vec2 s = new Vec2(2.5, 1.8), c = new Vec2(4, 2.95);
        double sc = s.distanceTo(c);
        double theta1 = Math.atan2(c.y() - s.y(), c.x() - s.x()) - Math.asin(R / sc);
        double exact = Math.sqrt(sc * sc - R * R) + R * (Math.PI / 2 - theta1) + (4.0 - c.y());
        double d = TaskGeodesics.distance(geodesics(map), map, new ObjectGoal("box", 1.0, "go to the box"), s);
        System.out.printf("objectnav box behind a wall: analytic %.4f m, geodesic %.4f m, error %+.3f%%%n",
                exact, d, 100 * (d - exact) / exact);
        assertEquals(exact, d, 0.01 * exact);
    }

    @Test
    void insideTheRegionIsZeroAndPointGoalsAreUnchanged() {
        WorldObject barrel = object("barrel", Shape.CYLINDER, 6.0, 3.0, 0.6, 0.6);
        WorldMap map = room(List.of(), List.of(barrel));
        Geodesics g = geodesics(map);
        Vec2 from = new Vec2(4.95, 3.1); // 0.755 m from the surface
        assertEquals(0, TaskGeodesics.distance(g, map, new ObjectGoal("barrel", 1.0, "x"), from));
        assertEquals(List.of(from), TaskGeodesics.path(g, map, new ObjectGoal("barrel", 1.0, "x"), from).orElseThrow().waypoints());
        Vec2 goal = new Vec2(2.0, 1.0);
        assertEquals(g.shortestPath(from, goal), TaskGeodesics.path(g, map, new PointGoal(goal, 0.3, null), from));
        WorldMap corridor = TestWorlds.lCorridor();
        Geodesics lg = geodesics(corridor);
        Vec2 a = new Vec2(1.0, 0.6), b = new Vec2(5.4, 4.0);
        assertEquals(lg.distance(a, b), TaskGeodesics.distance(lg, corridor, new PointGoal(b, 0.3, null), a));
    }

    @Test
    void targetSealedInItsOwnEnclosureIsUnreachable() {
        WorldObject cup = object("cup", Shape.CYLINDER, 6.0, 3.0, 0.2, 0.2);
        WorldMap map = room(List.of(wall(5.5, 2.5, 6.5, 2.5), wall(6.5, 2.5, 6.5, 3.5), wall(6.5, 3.5, 5.5, 3.5),
                wall(5.5, 3.5, 5.5, 2.5)), List.of(cup));
        Geodesics g = geodesics(map);
        ObjectGoal task = new ObjectGoal("cup", 0.3, "go to the cup");
        assertEquals(Double.POSITIVE_INFINITY, TaskGeodesics.distance(g, map, task, new Vec2(1, 1)));
        assertTrue(TaskGeodesics.path(g, map, task, new Vec2(1, 1)).isEmpty());
    }
}
