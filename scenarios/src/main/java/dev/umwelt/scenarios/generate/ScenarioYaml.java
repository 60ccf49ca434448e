package dev.umwelt.scenarios.generate;

import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.world.Door;
import dev.umwelt.scenarios.world.Room;
import dev.umwelt.scenarios.world.SoundEmitter;
import dev.umwelt.scenarios.world.Wall;

import java.util.List;

/**
 * Writes a generated scenario in the catalog's style: one flow mapping per wall, door, room and
 * object, numbers as the exact decimals of their rounded values (see {@link Num}), free text
 * double-quoted. Hand-edited copies stay readable and diff well.
 */
final class ScenarioYaml {
    /** Everything the file says; angles in degrees as written. */
    record Content(String header, String name, String description, long seed, double timeLimit,
                   double startX, double startY, double startYawDeg, String task, Layout layout, List<Item> items,
                   String sounds) {
        Content(String header, String name, String description, long seed, double timeLimit, double startX, double startY,
                double startYawDeg, String task, Layout layout, List<Item> items) {
            this(header, name, description, seed, timeLimit, startX, startY, startYawDeg, task, layout, items, "");
        }
    }

    private ScenarioYaml() {}

    static String pointNavTask(Vec2 goal, double successRadius, String instruction) {
        return "{type: pointnav, goal: {x: " + Num.lenText(goal.x()) + ", y: " + Num.lenText(goal.y()) + "}, successRadius: "
                + Num.lenText(successRadius) + ", instruction: " + quote(instruction) + "}";
    }

    static String objectNavTask(String targetId, double successRadius, String instruction) {
        return "{type: objectnav, target: " + quote(targetId) + ", successRadius: " + Num.lenText(successRadius)
                + ", instruction: " + quote(instruction) + "}";
    }

    static String audioGoalTask(String emitterId, double emitterRadius, double successRadius, String instruction) {
        return "{type: audiogoal, emitter: " + quote(emitterId) + ", emitterRadius: " + Num.lenText(emitterRadius)
                + ", successRadius: " + Num.lenText(successRadius) + ", instruction: " + quote(instruction) + "}";
    }

    /** A {@code sounds:} section with one BEEP or TONE emitter (heights, levels and frequencies as drawn). */
    static String sounds(SoundEmitter e, double snrDb) {
        StringBuilder y = new StringBuilder("sounds:\n");
        y.append("  snr: ").append(Num.lenText(snrDb)).append('\n');
        y.append("  emitters:\n");
        y.append("    - {id: ").append(quote(e.id())).append(", kind: ").append(e.kind().name().toLowerCase(java.util.Locale.ROOT))
                .append(", position: ").append(point(e.position())).append(", height: ").append(Num.lenText(e.height()))
                .append(", frequency: ").append(Num.lenText(e.frequencyHz())).append(", level: ").append(Num.lenText(e.levelDb()));
        if (e.kind() == SoundEmitter.Kind.BEEP) {
            y.append(", dutyCycle: ").append(Num.lenText(e.dutyCycle())).append(", period: ").append(Num.lenText(e.periodSeconds()));
        }
        return y.append("}\n").toString();
    }

    static String write(Content c) {
        StringBuilder y = new StringBuilder();
        for (String line : c.header().split("\n")) y.append("# ").append(line).append('\n');
        y.append("name: ").append(quote(c.name())).append('\n');
        y.append("description: ").append(quote(c.description())).append('\n');
        y.append("robot: turtle\n");
        y.append("seed: ").append(c.seed()).append('\n');
        y.append("timeLimit: ").append(Num.lenText(c.timeLimit())).append('\n');
        y.append("start: {x: ").append(Num.lenText(c.startX())).append(", y: ").append(Num.lenText(c.startY()))
                .append(", yaw: ").append(Num.degText(c.startYawDeg())).append("}\n");
        y.append("task: ").append(c.task()).append('\n');
        y.append("world:\n  walls:\n");
        Layout l = c.layout();
        y.append("    - {rect: {min: ").append(point(l.min())).append(", max: ").append(point(l.max())).append("}}\n");
        for (Wall w : l.interior()) y.append("    - {from: ").append(point(w.from())).append(", to: ").append(point(w.to())).append("}\n");
        if (!l.doors().isEmpty()) y.append("  doors:\n");
        for (Door d : l.doors()) {
            y.append("    - {label: ").append(quote(d.label())).append(", at: ").append(point(d.center()))
                    .append(", width: ").append(Num.lenText(d.width())).append("}\n");
        }
        y.append("  rooms:\n");
        for (Room r : l.rooms()) {
            y.append("    - {name: ").append(quote(r.name())).append(", min: ").append(point(r.min()))
                    .append(", max: ").append(point(r.max())).append("}\n");
        }
        if (!c.items().isEmpty()) y.append("  objects:\n");
        for (Item i : c.items()) {
            y.append("    - {id: ").append(quote(i.id())).append(", label: ").append(quote(i.label()))
                    .append(", shape: ").append(i.shape().key()).append(", colour: ").append(i.colour())
                    .append(", at: [").append(Num.lenText(i.x())).append(", ").append(Num.lenText(i.y())).append(']');
            if (i.yawDeg() != 0) y.append(", yaw: ").append(Num.degText(i.yawDeg()));
            y.append(", size: [").append(Num.lenText(i.sizeX()));
            if (!i.shape().isRound()) y.append(", ").append(Num.lenText(i.sizeY()));
            y.append(", ").append(Num.lenText(i.height())).append(']');
            if (i.movable()) y.append(", movable: true, mass: ").append(Num.lenText(i.mass()));
            y.append("}\n");
        }
        y.append(c.sounds());
        return y.toString();
    }

    private static String point(Vec2 p) {
        return "[" + Num.lenText(p.x()) + ", " + Num.lenText(p.y()) + "]";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
