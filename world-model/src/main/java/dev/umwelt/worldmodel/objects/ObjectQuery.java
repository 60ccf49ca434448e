package dev.umwelt.worldmodel.objects;

import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.bus.appearance.Shape;

import java.util.Locale;
import java.util.Optional;

/**
 * What the robot is looking for: a palette colour name, a shape, and/or a free label word
 * ("box", "ball", "table"). Null parts match anything. Label words that name a shape ("box",
 * "ball", "can", ...) constrain the shape; other labels (table, sofa) carry nothing the camera
 * can check, so such a query only matches by colour and shape.
 */
public record ObjectQuery(String colour, Shape shape, String label) {

    public ObjectQuery {
        if (colour != null) {
            colour = colour.toLowerCase(Locale.ROOT).replace("gray", "grey");
            if (colour.isBlank()) colour = null;
        }
        if (label != null) {
            label = label.toLowerCase(Locale.ROOT).strip();
            if (label.isBlank()) label = null;
        }
    }

    public static ObjectQuery of(String colour, Shape shape) {
        return new ObjectQuery(colour, shape, null);
    }

    /** The shape a label word names, if it names one: box, ball, cylinder/can/barrel, cone. */
    public static Optional<Shape> shapeOfLabel(String label) {
        if (label == null) return Optional.empty();
        String w = label.toLowerCase(Locale.ROOT).strip();
        if (w.endsWith("es") && w.length() > 3 && w.startsWith("box")) w = "box";
        else if (w.endsWith("s") && w.length() > 3) w = w.substring(0, w.length() - 1);
        return switch (w) {
            case "box", "crate", "cube" -> Optional.of(Shape.BOX);
            case "ball", "sphere" -> Optional.of(Shape.SPHERE);
            case "cylinder", "can", "barrel" -> Optional.of(Shape.CYLINDER);
            case "cone" -> Optional.of(Shape.CONE);
            default -> Optional.empty();
        };
    }

    /** The shape this query needs: the explicit one, else the one its label names, else null. */
    public Shape requiredShape() {
        return shape != null ? shape : shapeOfLabel(label).orElse(null);
    }

    /**
     * Whether a remembered object fits. Colour must be equal when asked for. A required shape
     * matches an object whose shape is known and equal, or unknown (null): the memory reports
     * null rather than guessing, so an unsure sighting stays a candidate; but a round footprint
     * rules a box out.
     */
    public boolean matches(RememberedObject o) {
        if (colour != null && !colour.equals(o.colour())) return false;
        Shape need = requiredShape();
        if (need == Shape.BOX && o.shape() == null && o.round()) return false;
        return need == null || o.shape() == null || o.shape() == need;
    }

    /** Whether the colour name is one the camera can recognise. */
    public boolean colourKnown() {
        return colour == null || Colour.PALETTE.containsKey(colour);
    }
}
