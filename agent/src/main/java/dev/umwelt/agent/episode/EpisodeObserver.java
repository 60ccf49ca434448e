package dev.umwelt.agent.episode;

import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
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

    /** The control tick's pipeline as built ({@link ControlTick#stages()}), once, before the first tick. */
    default void onPipeline(java.util.List<ControlTick.Stage> stages) {}

    /** The episode's instruction, once, before the first tick. */
    default void onInstruction(Instruction instruction) {}

    /** An action chunk as the policy proposed it (STOP included), before it takes effect. */
    default void onAction(ActionChunk chunk) {}

    /** A command as passed to the base, before the simulator steps with it. */
    default void onCommand(VelocityCommand command) {}

    /**
     * The teacher's proposal for a tick ({@code --teacher}): one action, the twist it would command
     * now, or STOP; stamped with the tick, before the driving policy's chunk of the same tick arrives.
     * It never reaches the base.
     */
    default void onTeacherAction(ActionChunk proposal) {}

    /** The observation the policy is about to act on (presence, ages, absence reasons), once per tick before its action. */
    default void onObservation(Observation observation) {}

    /** Every episode event (a tick's events come after its {@link #onTick}). */
    default void onEvent(EpisodeEvent event) {}

    /** Both observers, {@code first} first; the episode stops when either asks. Null means none. */
    static EpisodeObserver both(EpisodeObserver first, EpisodeObserver second) {
        if (first == null || first == NONE) return second == null ? NONE : second;
        if (second == null || second == NONE) return first;
        return new EpisodeObserver() {
            @Override
            public void onTick(TickReadings tick, VelocityCommand command) {
                first.onTick(tick, command);
                second.onTick(tick, command);
            }

            @Override
            public void onPipeline(java.util.List<ControlTick.Stage> stages) {
                first.onPipeline(stages);
                second.onPipeline(stages);
            }

            @Override
            public void onInstruction(Instruction instruction) {
                first.onInstruction(instruction);
                second.onInstruction(instruction);
            }

            @Override
            public void onAction(ActionChunk chunk) {
                first.onAction(chunk);
                second.onAction(chunk);
            }

            @Override
            public void onCommand(VelocityCommand command) {
                first.onCommand(command);
                second.onCommand(command);
            }

            @Override
            public void onTeacherAction(ActionChunk proposal) {
                first.onTeacherAction(proposal);
                second.onTeacherAction(proposal);
            }

            @Override
            public void onEvent(EpisodeEvent event) {
                first.onEvent(event);
                second.onEvent(event);
            }

            @Override
            public void onObservation(Observation observation) {
                first.onObservation(observation);
                second.onObservation(observation);
            }

            @Override
            public boolean stopRequested() {
                return first.stopRequested() || second.stopRequested();
            }
        };
    }

    /**
     * Whether the episode should end now (a person closed the window): it then ends, not in
     * error, with the end reason {@value #STOPPED}.
     */
    boolean stopRequested();
}
