package dev.umwelt.scenarios.load;

import dev.umwelt.bus.yaml.YamlMap;

import dev.umwelt.scenarios.task.AudioGoal;
import dev.umwelt.scenarios.world.SoundEmitter;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code task: {type: audiogoal, emitter: <id>, object: <id>?, emitterRadius: <m>?, successRadius: <m>?,
 * instruction: "..."?}}: the emitter must be one of the {@code sounds:} section's; {@code object}
 * attaches it to a world object whose footprint holds the emitter (within {@link #ATTACH_TOLERANCE}),
 * which then is the surface success is measured to; without it the surface is a disc of
 * {@code emitterRadius} (default {@link AudioGoal#DEFAULT_EMITTER_RADIUS}).
 */
final class AudioGoalLoader {
    /** An attached emitter may sit this far outside its object's footprint (on a box's edge, say). */
    static final double ATTACH_TOLERANCE = 0.05;

    private AudioGoalLoader() {}

    static AudioGoal load(YamlMap t, WorldMap world, List<SoundEmitter> emitters) {
        t.allowOnly("type", "emitter", "object", "emitterRadius", "successRadius", "instruction");
        String emitterId = t.requireString("emitter").trim();
        Optional<SoundEmitter> found = emitters.stream().filter(e -> e.id().equals(emitterId)).findFirst();
        if (found.isEmpty()) {
            String known = emitters.stream().map(SoundEmitter::id).collect(Collectors.joining(", "));
            throw t.require("emitter").error("unknown emitter '" + emitterId + "'; known emitters: "
                    + (known.isEmpty() ? "none (the scenario has no sounds: section with emitters)" : known));
        }
        SoundEmitter e = found.get();
        double radius = t.optionalDouble(ScenarioBounds.SUCCESS_RADIUS, AudioGoal.DEFAULT_SUCCESS_RADIUS);
        String objectId = null;
        double emitterRadius = AudioGoal.DEFAULT_EMITTER_RADIUS;
        if (t.has("object")) {
            if (t.has("emitterRadius")) {
                throw t.require("emitterRadius").error("give either object (the emitter's surface is the object's) or emitterRadius, not both");
            }
            objectId = t.requireString("object").trim();
            String id = objectId;
            WorldObject o = world.object(id).orElseThrow(() -> t.require("object").error("unknown object '" + id
                    + "'; known objects: " + world.objects().stream().map(WorldObject::id).collect(Collectors.joining(", "))));
            double off = o.distanceTo(e.position());
            if (off > ATTACH_TOLERANCE) {
                throw t.require("object").error(String.format(Locale.ROOT,
                        "emitter '%s' at (%.2f, %.2f) is %.2f m outside object '%s'; an attached emitter must lie on its footprint",
                        emitterId, e.position().x(), e.position().y(), off, id));
            }
        } else {
            emitterRadius = t.optionalDouble(ScenarioBounds.EMITTER_RADIUS, AudioGoal.DEFAULT_EMITTER_RADIUS);
        }
        String instruction = t.optionalString("instruction", e.kind() == SoundEmitter.Kind.BEEP ? "go to the beeping alarm" : "go to the sound");
        return new AudioGoal(instruction, emitterId, radius, e.position(), emitterRadius, objectId);
    }
}
