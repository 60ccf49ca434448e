package dev.umwelt.scenarios.world;

import dev.umwelt.bus.Vec2;

/** A named axis-aligned region ("kitchen"), used by instructions such as "the box in the kitchen". */
public record Room(String name, Vec2 min, Vec2 max) {
    public boolean contains(Vec2 p) {
        return p.x() >= min.x() && p.x() <= max.x() && p.y() >= min.y() && p.y() <= max.y();
    }

    public Vec2 center() {
        return new Vec2((min.x() + max.x()) / 2, (min.y() + max.y()) / 2);
    }
}
