package dev.umwelt.scenarios.task;

import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.world.WorldMap;

/**
 * What the robot is asked to do in a scenario. Success is judged when the policy emits STOP
 * (Habitat's convention): an episode that ends by time limit is a failure.
 */
public sealed interface Task permits PointGoal, ObjectGoal, AudioGoal {
    /** The natural-language instruction given to the robot at the start. */
    String instruction();

    /** A STOP counts as success when {@link #distanceToGoal} is at most this, in metres. */
    double successRadius();

    /** Short name for reports: pointnav, objectnav, ... */
    String kind();

    /**
     * Straight-line distance from a position to what success is measured against: the goal
     * point (PointNav) or the target object's surface (ObjectNav).
     */
    double distanceToGoal(WorldMap world, Vec2 position);
}
