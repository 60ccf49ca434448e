package dev.umwelt.scenarios.load;

import dev.umwelt.bus.yaml.Bound;

import dev.umwelt.bus.yaml.YamlScalar;

import dev.umwelt.bus.yaml.YamlList;

import dev.umwelt.bus.robot.SensorSpecs;

import dev.umwelt.bus.yaml.YamlMap;

import dev.umwelt.bus.yaml.YamlNode;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.scenarios.world.Door;
import dev.umwelt.scenarios.world.Room;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the {@code world} block: walls (with doors cut out), doors, rooms and objects. */
final class WorldLoader {
    static final double DEFAULT_WALL_THICKNESS = 0.1;
    static final double DEFAULT_WALL_HEIGHT = 1.0;
    static final double DEFAULT_OBJECT_MASS_KG = 1.0;

    /** A wall together with where it was written, so that collision errors can point at it. */
    record PlacedWall(Wall wall, String origin) {}

    /**
     * The loaded world plus provenance used by the placement checks; {@code floor} is the walls'
     * bounding box {min, max} (null without walls: then anywhere within the coordinate range is in).
     */
    /** {@code doorNodes}: each door's map, in the order of {@code map.doors()}, for errors at its line. */
    record Loaded(WorldMap map, List<PlacedWall> walls, Map<String, Integer> objectLines, Vec2[] floor, List<YamlMap> doorNodes) {}

    private WorldLoader() {}

    static Loaded load(YamlMap m) {
        m.allowOnly("walls", "doors", "rooms", "objects");
        List<PlacedWall> walls = new ArrayList<>();
        for (YamlNode item : m.optionalList("walls", WorldBounds.MAX_WALLS)) walls.addAll(walls(item.asMap()));
        Vec2[] floor = walls.isEmpty() ? null
                : new WorldMap(walls.stream().map(PlacedWall::wall).toList(), List.of(), List.of(), List.of()).bounds();
        if (floor != null) requireArea(floor, m);

        List<Door> doors = new ArrayList<>();
        List<YamlMap> doorNodes = new ArrayList<>();
        for (YamlNode item : m.optionalList("doors", WorldBounds.MAX_DOORS)) {
            YamlMap d = item.asMap().allowOnly("label", "at", "width");
            Door door = new Door(d.optionalString("label", "door"), point(d, WorldBounds.DOOR_AT), d.requireDouble(WorldBounds.DOOR_WIDTH));
            walls = cutDoor(walls, door, d);
            doors.add(door);
            doorNodes.add(d);
        }

        List<Room> rooms = new ArrayList<>();
        Map<String, Integer> roomLines = new HashMap<>();
        for (YamlNode item : m.optionalList("rooms", WorldBounds.MAX_ROOMS)) {
            YamlMap r = item.asMap().allowOnly("name", "min", "max");
            String name = r.requireString("name");
            Vec2 min = point(r, WorldBounds.ROOM_MIN);
            Vec2 max = point(r, WorldBounds.ROOM_MAX);
            requireOrdered(r, min, max);
            Integer previous = roomLines.putIfAbsent(name, r.line());
            if (previous != null) throw r.require("name").error("duplicate room name '" + name + "' (first on line " + previous + ")");
            rooms.add(new Room(name, min, max));
        }

        List<WorldObject> objects = new ArrayList<>();
        Map<String, Integer> objectLines = new HashMap<>();
        for (YamlNode item : m.optionalList("objects", WorldBounds.MAX_OBJECTS)) {
            YamlMap o = item.asMap();
            WorldObject obj = object(o);
            Placement.requireInside(new Vec2(obj.pose().x(), obj.pose().y()), floor, o.require("at"), "object '" + obj.id() + "'");
            Integer previous = objectLines.putIfAbsent(obj.id(), o.line());
            if (previous != null) throw o.require("id").error("duplicate object id '" + obj.id() + "' (first on line " + previous + ")");
            objects.add(obj);
        }
        WorldMap map = new WorldMap(walls.stream().map(PlacedWall::wall).toList(), doors, rooms, objects);
        if (floor == null) requireArea(map.bounds(), m); // objects lie inside the walls, so only an open world can grow
        return new Loaded(map, List.copyOf(walls), Map.copyOf(objectLines), floor, List.copyOf(doorNodes));
    }

    private static List<PlacedWall> walls(YamlMap w) {
        w.allowOnly("from", "to", "rect", "thickness", "height");
        double thickness = w.optionalDouble(WorldBounds.WALL_THICKNESS, DEFAULT_WALL_THICKNESS);
        double height = w.optionalDouble(WorldBounds.WALL_HEIGHT, DEFAULT_WALL_HEIGHT);
        String origin = w.path() + " (line " + w.line() + ")";
        if (w.has("rect")) {
            if (w.has("from") || w.has("to")) throw w.error("give either 'rect' or 'from' and 'to', not both");
            YamlMap r = w.requireMap("rect").allowOnly("min", "max");
            Vec2 a = point(r, WorldBounds.RECT_MIN);
            Vec2 c = point(r, WorldBounds.RECT_MAX);
            requireOrdered(r, a, c);
            Vec2 b = new Vec2(c.x(), a.y());
            Vec2 d = new Vec2(a.x(), c.y());
            return List.of(new PlacedWall(new Wall(a, b, thickness, height), origin),
                    new PlacedWall(new Wall(b, c, thickness, height), origin),
                    new PlacedWall(new Wall(c, d, thickness, height), origin),
                    new PlacedWall(new Wall(d, a, thickness, height), origin));
        }
        if (!w.has("from") && !w.has("to")) throw w.error("a wall needs 'from' and 'to' points, or a 'rect'");
        Vec2 from = point(w, WorldBounds.WALL_FROM);
        Vec2 to = point(w, WorldBounds.WALL_TO);
        if (from.distanceTo(to) < 1e-9) throw w.require("to").error("wall has zero length: 'to' equals 'from'");
        return List.of(new PlacedWall(new Wall(from, to, thickness, height), origin));
    }

    private static List<PlacedWall> cutDoor(List<PlacedWall> walls, Door door, YamlMap d) {
        List<PlacedWall> out = new ArrayList<>();
        boolean onAny = false;
        for (PlacedWall pw : walls) {
            if (DoorCutter.liesOn(door, pw.wall())) {
                onAny = true;
                for (Wall piece : DoorCutter.cut(pw.wall(), door)) out.add(new PlacedWall(piece, pw.origin()));
            } else {
                out.add(pw);
            }
        }
        if (!onAny) {
            throw d.require("at").error(String.format(Locale.ROOT,
                    "door '%s' at (%s, %s) lies on no wall; put 'at' on a wall's centre line (within half its thickness)",
                    door.label(), SensorSpecs.fmt(door.center().x()), SensorSpecs.fmt(door.center().y())));
        }
        return out;
    }

    private static WorldObject object(YamlMap o) {
        o.allowOnly("id", "label", "shape", "colour", "at", "yaw", "size", "movable", "mass");
        String id = o.requireString("id");
        // The instruction side's words too ("ball", "cube", "can"): a file may say what a person would.
        YamlScalar shapeNode = o.require("shape").asScalar("a shape word");
        String shapeWord = shapeNode.asString().trim().toLowerCase(java.util.Locale.ROOT);
        Shape shape = Shape.ofWord(shapeWord).orElseThrow(() -> shapeNode.error("unknown shape '" + shapeNode.text() + "'"
                + YamlMap.didYouMean(shapeWord, List.copyOf(new java.util.TreeSet<>(Shape.WORDS.keySet())))
                + "; expected one of: " + String.join(", ", new java.util.TreeSet<>(Shape.WORDS.keySet()))));
        String label = o.optionalString("label", shapeWord);
        YamlScalar colourNode = o.require("colour").asScalar("a colour name");
        Colour colour = Colour.named(colourNode.asString().trim()).orElseThrow(() -> colourNode.error(
                "unknown colour '" + colourNode.text() + "'; expected one of: " + String.join(", ", Colour.PALETTE.keySet())));
        Vec2 at = point(o, WorldBounds.OBJECT_AT);
        double yaw = o.optionalDegrees(WorldBounds.OBJECT_YAW, 0);
        YamlList size = o.requireList("size");
        double sx, sy, h;
        if (shape.isRound()) {
            double[] s = size.numbers(2, "[diameter, height] for a " + shape.key(), WorldBounds.OBJECT_SIZE);
            sx = s[0]; sy = s[0]; h = s[1];
        } else {
            double[] s = size.numbers(3, "[length, width, height] for a box", WorldBounds.OBJECT_SIZE);
            sx = s[0]; sy = s[1]; h = s[2];
        }
        boolean movable = o.optionalBoolean("movable", false);
        double mass = o.optionalDouble(WorldBounds.OBJECT_MASS, DEFAULT_OBJECT_MASS_KG);
        return new WorldObject(id, label, shape, colour, new Pose2D(at.x(), at.y(), yaw), sx, sy, h, movable, mass);
    }

    /** A point written as {@code [x, y]} in metres, each coordinate within {@code bound}. */
    static Vec2 point(YamlMap m, Bound bound) {
        double[] xy = m.requireList(bound.key()).numbers(2, "a point [x, y]", bound);
        return new Vec2(xy[0], xy[1]);
    }

    /** The clearance grid of the metrics covers the bounding box of walls and objects: keep it countable. */
    private static void requireArea(Vec2[] b, YamlMap world) {
        double w = b[1].x() - b[0].x(), h = b[1].y() - b[0].y();
        if (w * h > WorldBounds.MAX_AREA) {
            throw world.error(String.format(Locale.ROOT, "walls and objects span %s x %s m = %s m^2; at most %s m^2 "
                            + "(e.g. 200 x 200 m) are allowed", Bound.text(round(w)), Bound.text(round(h)),
                    Bound.text(round(w * h)), Bound.text(WorldBounds.MAX_AREA)));
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void requireOrdered(YamlMap r, Vec2 min, Vec2 max) {
        if (!(max.x() > min.x() && max.y() > min.y())) {
            throw r.require("max").error("max must be greater than min in both x and y");
        }
    }
}
