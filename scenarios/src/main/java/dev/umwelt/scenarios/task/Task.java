package dev.umwelt.scenarios.task;

/**
 * What the robot is asked to do in a scenario. Success is judged when the policy emits STOP
 * (Habitat's convention): an episode that ends by time limit is a failure.
 */
public sealed interface Task permits PointGoal {
    /** The natural-language instruction given to the robot at the start. */
    String instruction();

    /** Metres from the goal within which a STOP counts as success. */
    double successRadius();

    /** Short name for reports: pointnav, objectnav, ... */
    String kind();
}
