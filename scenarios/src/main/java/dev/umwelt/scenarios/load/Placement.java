package dev.umwelt.scenarios.load;

import dev.umwelt.bus.yaml.YamlNode;

import dev.umwelt.bus.robot.SensorSpecs;

import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.Locale;

/** Checks that the robot's footprint at a point (the start, the goal) overlaps no wall or static object. */
final class Placement {
    private Placement() {}

    static void requireFree(Vec2 p, double radius, WorldLoader.Loaded world, YamlNode where, String what) {
        for (WorldLoader.PlacedWall pw : world.walls()) {
            double d = pw.wall().distanceTo(p);
            if (d < radius) {
                throw where.error(String.format(Locale.ROOT,
                        "%s (%s, %s) puts the robot (footprint radius %s m) into the wall %s from (%s, %s) to (%s, %s); "
                                + "move it at least %s m from the wall",
                        what, f(p.x()), f(p.y()), f(radius), pw.origin(), f(pw.wall().from().x()), f(pw.wall().from().y()),
                        f(pw.wall().to().x()), f(pw.wall().to().y()), f(radius)));
            }
        }
        for (WorldObject o : world.map().staticObjects()) {
            if (o.distanceTo(p) < radius) {
                throw where.error(String.format(Locale.ROOT,
                        "%s (%s, %s) puts the robot (footprint radius %s m) into static object '%s' (line %d); "
                                + "move it at least %s m from the object",
                        what, f(p.x()), f(p.y()), f(radius), o.id(), world.objectLines().get(o.id()), f(radius)));
            }
        }
    }

    /** The start, a goal, an object or an emitter must lie within the walls' bounding box (when there are walls). */
    static void requireInside(Vec2 p, WorldLoader.Loaded world, YamlNode where, String what) {
        requireInside(p, world.floor(), where, what);
    }

    static void requireInside(Vec2 p, Vec2[] floor, YamlNode where, String what) {
        if (floor == null) return;
        Vec2 min = floor[0], max = floor[1];
        if (p.x() >= min.x() && p.x() <= max.x() && p.y() >= min.y() && p.y() <= max.y()) return;
        throw where.error(String.format(Locale.ROOT, "%s (%s, %s) lies outside the world: the walls span x [%s, %s], y [%s, %s] m",
                what, f(p.x()), f(p.y()), f(min.x()), f(max.x()), f(min.y()), f(max.y())));
    }

    private static String f(double v) {
        return SensorSpecs.fmt(Math.round(v * 1000) / 1000.0);
    }
}
