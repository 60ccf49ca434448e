package dev.umwelt.agent.safety;

import dev.umwelt.bus.observation.Modality;

import java.util.Set;

/**
 * Stops the robot while a modality its policy requires is absent: the command becomes zero (a
 * controlled stop, the base's acceleration limits make the ramp) from the first tick one is
 * missing until all are back. {@link #update} says when it changes its mind, so that
 * WATCHDOG_STOP and WATCHDOG_RESUME are emitted once each per outage.
 */
public final class Watchdog {
    public enum Transition { NONE, STOP, RESUME }

    private boolean stopped;

    /** {@code missing}: the required modalities absent from the policy's latest observation. */
    public Transition update(Set<Modality> missing) {
        boolean stop = !missing.isEmpty();
        if (stop == stopped) return Transition.NONE;
        stopped = stop;
        return stop ? Transition.STOP : Transition.RESUME;
    }

    public boolean stopped() {
        return stopped;
    }
}
