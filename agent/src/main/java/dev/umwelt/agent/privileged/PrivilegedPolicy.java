package dev.umwelt.agent.privileged;

import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.policy.Policy;
import dev.umwelt.scenarios.Scenario;

/**
 * A policy that reads ground truth: at each reset it is handed the scenario (the true map, task and
 * goal) beside the context every policy gets, and its observations carry the true pose. It is an
 * upper bound or a demonstrator, never something to deploy, and only this module can make one,
 * because only {@code agent} sees both policies and scenarios; the sensor-only policies in
 * {@code policy} cannot reach a scenario at all. This is the one way ground truth enters a policy.
 */
public interface PrivilegedPolicy extends Policy {
    /** Prepares for a new episode in {@code truth}, the scenario being run. */
    void reset(EpisodeContext context, Scenario truth);

    /** Without a scenario (a ROS brain, a replay) a privileged policy cannot run: refused here, before any tick. */
    @Override
    default void reset(EpisodeContext context) {
        throw new IllegalStateException(name() + " is privileged: it reads the scenario, so it runs only in simulation"
                + " (run or suite), not on a robot without one");
    }

    @Override
    default boolean privileged() {
        return true;
    }

    /** Resets {@code policy} for an episode of {@code scenario}: privileged ones get the scenario, others never see it. */
    static void reset(Policy policy, EpisodeContext context, Scenario scenario) {
        if (policy instanceof PrivilegedPolicy p) p.reset(context, scenario);
        else policy.reset(context);
    }
}
