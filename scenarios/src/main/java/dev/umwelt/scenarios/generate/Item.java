package dev.umwelt.scenarios.generate;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.WorldObject;

/**
 * An object as the generator writes it: degrees kept beside the radians so that the YAML says
 * exactly what was placed. {@code role} is for statistics only (not written).
 */
record Item(String id, String label, Shape shape, String colour, double x, double y, double yawDeg,
            double sizeX, double sizeY, double height, boolean movable, double mass, Role role) {

    enum Role { FURNITURE, MOVABLE, TARGET, DISTRACTOR, UNRELATED }

    Item {
        x = Num.len(x);
        y = Num.len(y);
        yawDeg = Num.deg(yawDeg);
        sizeX = Num.len(sizeX);
        sizeY = shape.isRound() ? sizeX : Num.len(sizeY);
        height = Num.len(height);
        mass = Num.len(mass);
    }

    WorldObject object() {
        return new WorldObject(id, label, shape, Colour.named(colour).orElseThrow(), new Pose2D(x, y, Math.toRadians(yawDeg)),
                sizeX, sizeY, height, movable, mass);
    }

    /** Whether an instruction naming this item's colour and shape could also mean {@code o}. */
    boolean sameColourAndShape(Item o) {
        return colour.equals(o.colour) && shape == o.shape;
    }

    boolean sharesOneAttribute(Item o) {
        return colour.equals(o.colour) != (shape == o.shape);
    }
}
