package dev.umwelt.sim;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.scenarios.Scenario;

/**
 * A synchronous, lockstep world: the environment is the clock. Each {@link #step} advances
 * exactly one control period and returns every reading that became available in it. Not
 * thread-safe: one episode lives on one thread (one Vert.x context).
 */
public interface Environment extends AutoCloseable {

    /**
     * Starts a new episode with this seed: time back to {@link dev.umwelt.bus.time.Clock#SIM_EPOCH_NANOS},
     * the world rebuilt, the robot at the scenario's start. Returns tick 0 with the readings at
     * time 0 (one scan, one odometry).
     */
    TickReadings reset(long seed);

    /**
     * Advances one control period under {@code command} (null keeps the previous command,
     * which stays in force only until its deadline). Returns the readings of the period in
     * stamp order, its events, and the ground truth at its end.
     */
    TickReadings step(VelocityCommand command);

    /** Sim time now, nanoseconds. */
    long nowNanos();

    /** The robot's base_link pose in {@code map} (privileged). */
    Pose2D groundTruth();

    /** Contacts between the robot and anything that began since reset. */
    int collisions();

    Scenario scenario();

    @Override
    void close();
}
