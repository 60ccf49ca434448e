package dev.umwelt.scenarios.world;

import dev.umwelt.bus.Vec2;

import java.util.List;
import java.util.Optional;

/** The static description of a world: walls (doors cut out), doors, rooms and objects. */
public record WorldMap(List<Wall> walls, List<Door> doors, List<Room> rooms, List<WorldObject> objects) {
    public WorldMap {
        walls = List.copyOf(walls);
        doors = List.copyOf(doors);
        rooms = List.copyOf(rooms);
        objects = List.copyOf(objects);
    }

    public List<WorldObject> staticObjects() {
        return objects.stream().filter(o -> !o.movable()).toList();
    }

    public List<WorldObject> movableObjects() {
        return objects.stream().filter(WorldObject::movable).toList();
    }

    public Optional<WorldObject> object(String id) {
        return objects.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    public Optional<Room> roomAt(Vec2 p) {
        return rooms.stream().filter(r -> r.contains(p)).findFirst();
    }

    /** Axis-aligned bounds of all geometry: {min, max}. */
    public Vec2[] bounds() {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Wall w : walls) {
            for (Vec2 c : w.corners()) {
                minX = Math.min(minX, c.x()); minY = Math.min(minY, c.y());
                maxX = Math.max(maxX, c.x()); maxY = Math.max(maxY, c.y());
            }
        }
        for (WorldObject o : objects) {
            double r = o.boundingRadius();
            minX = Math.min(minX, o.pose().x() - r); minY = Math.min(minY, o.pose().y() - r);
            maxX = Math.max(maxX, o.pose().x() + r); maxY = Math.max(maxY, o.pose().y() + r);
        }
        if (minX > maxX) return new Vec2[] {Vec2.ZERO, Vec2.ZERO};
        return new Vec2[] {new Vec2(minX, minY), new Vec2(maxX, maxY)};
    }
}
