package dev.umwelt.policy;

import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;

import java.util.Optional;
import java.util.Set;

/**
 * A decision maker: observation + instruction -> action chunk. Policies are plain objects;
 * the agent wraps one in a verticle. One instance serves one episode at a time and is
 * {@link #reset} before each.
 */
public interface Policy {
    /** Name as used on the command line ({@code --policy oracle}). */
    String name();

    /**
     * The modalities without which this policy cannot act safely; the watchdog stops the robot
     * while any of them is absent.
     */
    Set<Modality> requiredModalities();

    /**
     * The modalities this policy reads, required or not: the simulator renders the camera only for
     * a policy that reads it. A sense may be read without being required: an explorer looks for
     * objects with the camera but drives safely on the lidar alone, so a camera outage must not stop it.
     */
    default Set<Modality> sensedModalities() {
        return requiredModalities();
    }

    /**
     * A privileged policy is given the ground-truth scenario and pose (simulation only). It is
     * an upper bound for evaluation, never something to deploy.
     */
    default boolean privileged() {
        return false;
    }

    /** Prepares for a new episode. */
    void reset(EpisodeContext context);

    /**
     * What the policy has to say about its latest decision, in words ("instruction not
     * understood: unknown words: zorg"; "2 remembered objects match 'red box'"); the agent logs
     * each new note as a POLICY_NOTE event. Empty when there is nothing to say.
     */
    default Optional<String> note() {
        return Optional.empty();
    }

    /** The next chunk of actions; STOP when the policy believes the task is done. */
    ActionChunk act(Observation observation, Instruction instruction);
}
