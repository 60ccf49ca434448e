package dev.umwelt.policy.instruction;

import dev.umwelt.bus.appearance.Shape;

import java.util.Objects;
import java.util.Optional;

/**
 * An object named by its attributes: {@code colour} a palette name ("grey" for "gray") or null,
 * {@code shape} when the word names one (box, ball, can...) or null, {@code label} the noun as
 * the world model labels objects ("box", "table") or null; {@code nearLandmark} a landmark word
 * from "near the door" / "by the window", {@code inRoom} a room name from "in the kitchen".
 */
public record ObjectTarget(String colour, Shape shape, String label, Optional<String> nearLandmark, Optional<String> inRoom)
        implements Target {
    public ObjectTarget {
        Objects.requireNonNull(nearLandmark, "nearLandmark");
        Objects.requireNonNull(inRoom, "inRoom");
    }

    /** "red box", "table", "blue object": how messages name this target. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (colour != null) sb.append(colour);
        String noun = label != null ? label : shape != null ? shape.key() : "object";
        if (sb.length() > 0) sb.append(' ');
        return sb.append(noun).toString();
    }
}
