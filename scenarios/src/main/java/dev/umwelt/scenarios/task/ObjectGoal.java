package dev.umwelt.scenarios.task;

import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.Objects;

/**
 * ObjectNav as Habitat defines it: the instruction names a target ("go to the red box"); a
 * STOP within {@code successRadius} (default 1.0 m) of the target's SURFACE succeeds.
 * {@code targetId} is the id of the object meant; policies other than the privileged oracle
 * get only the instruction.
 */
public record ObjectGoal(String targetId, double successRadius, String instruction) implements Task {
    public static final double DEFAULT_SUCCESS_RADIUS = 1.0;

    public ObjectGoal {
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(instruction, "instruction");
        if (!(successRadius > 0)) throw new IllegalArgumentException("successRadius must be positive: " + successRadius);
    }

    @Override
    public String kind() {
        return "objectnav";
    }

    public WorldObject target(WorldMap world) {
        return world.object(targetId).orElseThrow(() -> new IllegalArgumentException("no object '" + targetId + "' in the world"));
    }

    @Override
    public double distanceToGoal(WorldMap world, Vec2 position) {
        return target(world).distanceTo(position);
    }
}
