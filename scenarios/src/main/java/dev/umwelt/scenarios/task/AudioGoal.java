package dev.umwelt.scenarios.task;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.Objects;

/**
 * AudioGoal (SoundSpaces' task): the instruction names a sound ("go to the beeping alarm"); a
 * STOP within {@code successRadius} (default 1.0 m) of the sounding emitter's SURFACE succeeds.
 *
 * <p>An emitter is a point source, so its surface is defined here: when {@code objectId} is not
 * null the emitter is attached to that world object (an alarm clock, a speaker) and the surface
 * is the object's footprint; otherwise the emitter is a disc of {@code emitterRadius} around
 * {@code emitterPosition} on the floor plan (a small device nothing collides with). The
 * position is copied from the scenario's {@code sounds:} emitter so the task is self-contained
 * (a {@link WorldMap} holds no emitters). Policies other than the privileged oracle get only the
 * instruction and the microphones.
 */
public record AudioGoal(String instruction, String emitterId, double successRadius, Vec2 emitterPosition,
                        double emitterRadius, String objectId) implements Task {
    public static final double DEFAULT_SUCCESS_RADIUS = 1.0;
    /** Surface radius of an emitter attached to no object: about a smoke alarm or phone. */
    public static final double DEFAULT_EMITTER_RADIUS = 0.1;

    public AudioGoal {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(emitterId, "emitterId");
        Objects.requireNonNull(emitterPosition, "emitterPosition");
        if (!(successRadius > 0)) throw new IllegalArgumentException("successRadius must be positive: " + successRadius);
        if (!(emitterRadius >= 0)) throw new IllegalArgumentException("emitterRadius must be >= 0: " + emitterRadius);
    }

    /** An emitter attached to no object, with the default surface radius. */
    public AudioGoal(String instruction, String emitterId, double successRadius, Vec2 emitterPosition) {
        this(instruction, emitterId, successRadius, emitterPosition, DEFAULT_EMITTER_RADIUS, null);
    }

    @Override
    public String kind() {
        return "audiogoal";
    }

    /**
     * What success is measured against, as a world object: the attached object, or a cylinder of
     * {@code emitterRadius} at the emitter (not part of the world: it blocks nothing).
     */
    public WorldObject surface(WorldMap world) {
        if (objectId != null) {
            return world.object(objectId).orElseThrow(() -> new IllegalArgumentException("no object '" + objectId + "' in the world"));
        }
        return new WorldObject(emitterId, "sound", Shape.CYLINDER, Colour.named("grey").orElseThrow(),
                new Pose2D(emitterPosition.x(), emitterPosition.y(), 0), 2 * emitterRadius, 2 * emitterRadius, 0.1, false, 0);
    }

    @Override
    public double distanceToGoal(WorldMap world, Vec2 position) {
        return surface(world).distanceTo(position);
    }
}
