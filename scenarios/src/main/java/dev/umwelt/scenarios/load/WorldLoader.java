package dev.umwelt.scenarios.load;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.scenarios.geometry.Vec2;
import dev.umwelt.scenarios.world.Colour;
import dev.umwelt.scenarios.world.Door;
import dev.umwelt.scenarios.world.Room;
import dev.umwelt.scenarios.world.Shape;
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

    /** The loaded world plus provenance used by the placement checks. */
    record Loaded(WorldMap map, List<PlacedWall> walls, Map<String, Integer> objectLines) {}

    private WorldLoader() {}

    static Loaded load(YamlMap m) {
        m.allowOnly("walls", "doors", "rooms", "objects");
        List<PlacedWall> walls = new ArrayList<>();
        for (YamlNode item : m.optionalList("walls")) walls.addAll(walls(item.asMap()));

        List<Door> doors = new ArrayList<>();
        for (YamlNode item : m.optionalList("doors")) {
            YamlMap d = item.asMap().allowOnly("label", "at", "width");
            Door door = new Door(d.optionalString("label", "door"), point(d, "at"), d.requireDouble("width", Range.POSITIVE));
            walls = cutDoor(walls, door, d);
            doors.add(door);
        }

        List<Room> rooms = new ArrayList<>();
        Map<String, Integer> roomLines = new HashMap<>();
        for (YamlNode item : m.optionalList("rooms")) {
            YamlMap r = item.asMap().allowOnly("name", "min", "max");
            String name = r.requireString("name");
            Vec2 min = point(r, "min");
            Vec2 max = point(r, "max");
            requireOrdered(r, min, max);
            Integer previous = roomLines.putIfAbsent(name, r.line());
            if (previous != null) throw r.require("name").error("duplicate room name '" + name + "' (first on line " + previous + ")");
            rooms.add(new Room(name, min, max));
        }

        List<WorldObject> objects = new ArrayList<>();
        Map<String, Integer> objectLines = new HashMap<>();
        for (YamlNode item : m.optionalList("objects")) {
            YamlMap o = item.asMap();
            WorldObject obj = object(o);
            Integer previous = objectLines.putIfAbsent(obj.id(), o.line());
            if (previous != null) throw o.require("id").error("duplicate object id '" + obj.id() + "' (first on line " + previous + ")");
            objects.add(obj);
        }
        WorldMap map = new WorldMap(walls.stream().map(PlacedWall::wall).toList(), doors, rooms, objects);
        return new Loaded(map, List.copyOf(walls), Map.copyOf(objectLines));
    }

    private static List<PlacedWall> walls(YamlMap w) {
        w.allowOnly("from", "to", "rect", "thickness", "height");
        double thickness = w.optionalDouble("thickness", DEFAULT_WALL_THICKNESS, Range.POSITIVE);
        double height = w.optionalDouble("height", DEFAULT_WALL_HEIGHT, Range.POSITIVE);
        String origin = w.path() + " (line " + w.line() + ")";
        if (w.has("rect")) {
            if (w.has("from") || w.has("to")) throw w.error("give either 'rect' or 'from' and 'to', not both");
            YamlMap r = w.requireMap("rect").allowOnly("min", "max");
            Vec2 a = point(r, "min");
            Vec2 c = point(r, "max");
            requireOrdered(r, a, c);
            Vec2 b = new Vec2(c.x(), a.y());
            Vec2 d = new Vec2(a.x(), c.y());
            return List.of(new PlacedWall(new Wall(a, b, thickness, height), origin),
                    new PlacedWall(new Wall(b, c, thickness, height), origin),
                    new PlacedWall(new Wall(c, d, thickness, height), origin),
                    new PlacedWall(new Wall(d, a, thickness, height), origin));
        }
        if (!w.has("from") && !w.has("to")) throw w.error("a wall needs 'from' and 'to' points, or a 'rect'");
        Vec2 from = point(w, "from");
        Vec2 to = point(w, "to");
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
        Shape shape = o.requireEnum("shape", Shape.class);
        String label = o.optionalString("label", shape.key());
        YamlScalar colourNode = o.require("colour").asScalar("a colour name");
        Colour colour = Colour.named(colourNode.asString().trim()).orElseThrow(() -> colourNode.error(
                "unknown colour '" + colourNode.text() + "'; expected one of: " + String.join(", ", Colour.PALETTE.keySet())));
        Vec2 at = point(o, "at");
        double yaw = o.optionalDegrees("yaw", 0);
        YamlList size = o.requireList("size");
        double sx, sy, h;
        if (shape.isRound()) {
            double[] s = size.numbers(2, "[diameter, height] for a " + shape.key());
            sx = s[0]; sy = s[0]; h = s[1];
        } else {
            double[] s = size.numbers(3, "[length, width, height] for a box");
            sx = s[0]; sy = s[1]; h = s[2];
        }
        for (int i = 0; i < size.size(); i++) {
            size.get(i).asScalar("a number").asDouble(Range.POSITIVE);
        }
        boolean movable = o.optionalBoolean("movable", false);
        double mass = o.optionalDouble("mass", DEFAULT_OBJECT_MASS_KG, Range.POSITIVE);
        return new WorldObject(id, label, shape, colour, new Pose2D(at.x(), at.y(), yaw), sx, sy, h, movable, mass);
    }

    /** A point written as {@code [x, y]} in metres. */
    static Vec2 point(YamlMap m, String key) {
        double[] xy = m.requireList(key).numbers(2, "a point [x, y]");
        return new Vec2(xy[0], xy[1]);
    }

    private static void requireOrdered(YamlMap r, Vec2 min, Vec2 max) {
        if (!(max.x() > min.x() && max.y() > min.y())) {
            throw r.require("max").error("max must be greater than min in both x and y");
        }
    }
}
