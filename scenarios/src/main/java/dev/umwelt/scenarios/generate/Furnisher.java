package dev.umwelt.scenarios.generate;

import dev.umwelt.scenarios.generate.Item.Role;
import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.scenarios.world.Room;
import dev.umwelt.bus.appearance.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills a layout: for ObjectNav the target, distractors sharing exactly one attribute with it and
 * unrelated primitives; then a few movable objects and furniture, mostly against walls. Placement
 * rules live in {@link Placer}; this class decides what to place.
 */
final class Furnisher {
    static final double DISTRACTOR_PROBABILITY = 0.75;
    static final List<String> COLOURS = List.copyOf(Colour.PALETTE.keySet());
    static final List<String> FURNITURE_COLOURS = List.of("brown", "white", "grey", "black");
    private static final Shape[] PRIMITIVES = Shape.values();

    private record Furniture(String label, Shape shape, double[] length, double[] width, double[] height, boolean againstWall) {}

    private static final List<Furniture> FURNITURE = List.of(
            new Furniture("table", Shape.BOX, new double[] {0.8, 1.6}, new double[] {0.6, 0.9}, new double[] {0.7, 0.8}, false),
            new Furniture("shelf", Shape.BOX, new double[] {0.8, 1.6}, new double[] {0.3, 0.45}, new double[] {1.6, 2.0}, true),
            new Furniture("cabinet", Shape.BOX, new double[] {0.5, 1.0}, new double[] {0.4, 0.6}, new double[] {0.8, 1.0}, true),
            new Furniture("sofa", Shape.BOX, new double[] {1.6, 2.2}, new double[] {0.8, 0.95}, new double[] {0.7, 0.9}, true),
            new Furniture("desk", Shape.BOX, new double[] {1.0, 1.6}, new double[] {0.6, 0.8}, new double[] {0.7, 0.8}, true),
            new Furniture("plant pot", Shape.CYLINDER, new double[] {0.3, 0.5}, null, new double[] {0.6, 1.2}, true),
            new Furniture("bin", Shape.CYLINDER, new double[] {0.3, 0.4}, null, new double[] {0.4, 0.6}, true));

    private final Placer placer;
    private final SplittableRandom rng;
    private final List<Room> rooms;
    private Item target;
    private int counter;

    private Furnisher(Layout layout, SplittableRandom rng) {
        this.placer = new Placer(layout, rng);
        this.rng = rng;
        this.rooms = layout.rooms();
    }

    /**
     * The items in a shuffled order and renumbered, so that neither the file order nor the id
     * gives the target away; for ObjectNav exactly one item has {@link Role#TARGET}.
     */
    static List<Item> furnish(Layout layout, boolean objectNav, SplittableRandom rng) {
        Furnisher f = new Furnisher(layout, rng);
        if (objectNav) f.targetAndDistractors();
        f.primitives(Role.MOVABLE, rng.nextInt(1, 4), true);
        f.furniture();
        List<Item> items = new ArrayList<>(f.placer.items());
        for (int i = items.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Item t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }
        List<Item> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            String id = it.label().replace(' ', '-') + "-" + (i + 1);
            out.add(new Item(id, it.label(), it.shape(), it.colour(), it.x(), it.y(), it.yawDeg(), it.sizeX(), it.sizeY(),
                    it.height(), it.movable(), it.mass(), it.role()));
        }
        return List.copyOf(out);
    }

    /** The shape word an instruction uses: a sphere is a "ball". */
    static String word(Shape s) {
        return s == Shape.SPHERE ? "ball" : s.key();
    }

    private void targetAndDistractors() {
        Shape shape = PRIMITIVES[rng.nextInt(PRIMITIVES.length)];
        String colour = COLOURS.get(rng.nextInt(COLOURS.size()));
        Room room = rooms.get(rng.nextInt(rooms.size()));
        target = placer.place(primitive(shape, colour, 0.3, 0.6, false, Role.TARGET), room, rng.nextDouble() < 0.5)
                .orElseThrow(() -> new Rejected("no place for the target"));
        if (rng.nextDouble() < DISTRACTOR_PROBABILITY) {
            int n = rng.nextInt(1, 4);
            for (int i = 0; i < n; i++) {
                boolean sameColour = rng.nextBoolean();
                Shape s = sameColour ? otherShape(shape) : shape;
                String c = sameColour ? colour : otherColour(colour);
                // Half the distractors stand in the target's room, where they confuse most.
                Room r = rng.nextBoolean() ? room : rooms.get(rng.nextInt(rooms.size()));
                placer.place(primitive(s, c, 0.25, 0.6, false, Role.DISTRACTOR), r, rng.nextDouble() < 0.5);
            }
        }
        primitives(Role.UNRELATED, rng.nextInt(0, 3), false);
    }

    /** Primitives that share neither colour nor shape with the target (any, without a target). */
    private void primitives(Role role, int n, boolean movable) {
        for (int i = 0; i < n; i++) {
            Shape s = movable ? new Shape[] {Shape.BOX, Shape.CYLINDER, Shape.SPHERE}[rng.nextInt(3)] : PRIMITIVES[rng.nextInt(PRIMITIVES.length)];
            String c = COLOURS.get(rng.nextInt(COLOURS.size()));
            if (target != null) {
                if (s == target.shape()) s = otherShape(s);
                if (c.equals(target.colour())) c = otherColour(c);
            }
            Room r = rooms.get(rng.nextInt(rooms.size()));
            placer.place(primitive(s, c, 0.25, movable ? 0.4 : 0.6, movable, role), r, !movable && rng.nextDouble() < 0.5);
        }
    }

    private void furniture() {
        for (Room room : rooms) {
            double area = (room.max().x() - room.min().x()) * (room.max().y() - room.min().y());
            int n = Math.min(4, (int) (area / 8) + rng.nextInt(2));
            if (room.name().equals("corridor")) n = rng.nextInt(2);
            for (int i = 0; i < n; i++) {
                Furniture f = FURNITURE.get(rng.nextInt(FURNITURE.size()));
                String colour = rng.nextDouble() < 0.8 ? FURNITURE_COLOURS.get(rng.nextInt(FURNITURE_COLOURS.size()))
                        : COLOURS.get(rng.nextInt(COLOURS.size()));
                // "The <colour> <shape>" must name the target alone.
                if (target != null && f.shape() == target.shape() && colour.equals(target.colour())) colour = otherColour(colour);
                double length = rng.nextDouble(f.length()[0], f.length()[1]);
                double width = f.width() == null ? length : rng.nextDouble(f.width()[0], f.width()[1]);
                double height = rng.nextDouble(f.height()[0], f.height()[1]);
                Item item = new Item(id(f.label().replace(' ', '-')), f.label(), f.shape(), colour, 0, 0, 0,
                        length, width, height, false, 1.0, Role.FURNITURE);
                placer.place(item, room, f.againstWall() || rng.nextDouble() < 0.5);
            }
        }
    }

    private Item primitive(Shape shape, String colour, double minSize, double maxSize, boolean movable, Role role) {
        double d = rng.nextDouble(minSize, maxSize);
        double width = shape == Shape.BOX ? rng.nextDouble(minSize, maxSize) : d;
        double height = switch (shape) {
            case SPHERE -> d;
            case CONE -> rng.nextDouble(0.4, 0.8);
            default -> rng.nextDouble(0.3, 0.8);
        };
        double mass = movable ? rng.nextDouble(1, 4) : 1.0;
        return new Item(id(word(shape)), word(shape), shape, colour, 0, 0, 0, d, width, height, movable, mass, role);
    }

    private String id(String base) {
        return base + "-" + (++counter);
    }

    private Shape otherShape(Shape s) {
        return PRIMITIVES[(s.ordinal() + 1 + rng.nextInt(PRIMITIVES.length - 1)) % PRIMITIVES.length];
    }

    private String otherColour(String c) {
        int i = COLOURS.indexOf(c);
        return COLOURS.get((i + 1 + rng.nextInt(COLOURS.size() - 1)) % COLOURS.size());
    }
}
