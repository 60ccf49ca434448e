package dev.umwelt.agent.episode;

import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.tick.TickReadings;

/**
 * Watches an episode from outside without taking part in it (a viewer window). Both methods
 * are called on the episode's context once per tick, so they must be cheap and must not block:
 * hand data to another thread through a thread-safe reference of immutable values. An observer
 * only reads, so it cannot change the trajectory; it can only ask the episode to end early.
 */
public interface EpisodeObserver {
    /** The end reason of an episode its observer stopped (a person closed the viewer): not an error. */
    String STOPPED = "viewer-closed";

    /** Does nothing and never asks to stop: what an episode without a viewer gets. */
    EpisodeObserver NONE = new EpisodeObserver() {
        @Override
        public void onTick(TickReadings tick, VelocityCommand command) {}

        @Override
        public boolean stopRequested() {
            return false;
        }
    };

    /** The readings of a tick and the command that led to it ({@code null} for tick 0, the reset). */
    void onTick(TickReadings tick, VelocityCommand command);

    /**
     * Whether the episode should end now (a person closed the window): it then ends, not in
     * error, with the end reason {@value #STOPPED}.
     */
    boolean stopRequested();
}
