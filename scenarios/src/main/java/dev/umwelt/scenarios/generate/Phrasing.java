package dev.umwelt.scenarios.generate;

import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.world.Door;
import dev.umwelt.scenarios.world.Room;
import dev.umwelt.scenarios.world.SoundEmitter;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Instructions from the split's templates; qualifiers are added only when true in the world. */
final class Phrasing {
    /** "near the door" is said of a target whose surface is this close to a door centre. */
    static final double NEAR_DOOR = 1.5;
    private static final double QUALIFIER_PROBABILITY = 0.4;

    private Phrasing() {}

    static String objectNav(Split split, WorldObject target, WorldMap world, SplittableRandom rng) {
        List<String> t = split.objectTemplates();
        String text = t.get(rng.nextInt(t.size()))
                .replace("{colour}", target.colour().name()).replace("{shape}", target.label());
        List<String> qualifiers = new ArrayList<>();
        for (Door d : world.doors()) {
            if (target.distanceTo(d.center()) <= NEAR_DOOR) { qualifiers.add("near the door"); break; }
        }
        world.roomAt(target.position()).map(Room::name).ifPresent(r -> qualifiers.add("in the " + r));
        // Draw both numbers always, so the stream of draws does not depend on which qualifiers apply.
        double p = rng.nextDouble();
        int pick = rng.nextInt(2);
        if (!qualifiers.isEmpty() && p < QUALIFIER_PROBABILITY) text += " " + qualifiers.get(pick % qualifiers.size());
        return text;
    }

    /**
     * A beep is a "beeping alarm", a continuous tone a "ringing phone"; "in the <room>" is added
     * with the qualifier probability. The words are drawn whatever applies, as for objects.
     */
    static String audioGoal(Split split, SoundEmitter emitter, WorldMap world, SplittableRandom rng) {
        List<String> t = split.audioTemplates();
        boolean beep = emitter.kind() == SoundEmitter.Kind.BEEP;
        String text = t.get(rng.nextInt(t.size())).replace("{sound}", beep ? "beeping" : "ringing")
                .replace("{device}", beep ? "alarm" : "phone");
        double p = rng.nextDouble();
        Room room = world.roomAt(emitter.position()).orElse(null);
        if (room != null && world.rooms().size() > 1 && p < QUALIFIER_PROBABILITY) text += " in the " + room.name();
        return text;
    }

    static String pointNav(Split split, Vec2 goal, SplittableRandom rng) {
        List<String> t = split.pointTemplates();
        return t.get(rng.nextInt(t.size()))
                .replace("{x}", String.format(Locale.ROOT, "%.2f", goal.x()))
                .replace("{y}", String.format(Locale.ROOT, "%.2f", goal.y()));
    }
}
