package dev.umwelt.agent.lifecycle;

import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.policy.Policy;

import java.util.Set;

/** Creeps forward, and at its tick {@code failAt} runs {@code failure} on the event loop (which throws an Error). */
final class FailingPolicy implements Policy {
    private final String name;
    private final int failAt;
    private final Runnable failure;
    private int ticks;

    FailingPolicy(String name, int failAt, Runnable failure) {
        this.name = name;
        this.failAt = failAt;
        this.failure = failure;
    }

    @Override public String name() { return name; }
    @Override public Set<Modality> requiredModalities() { return Set.of(); }
    @Override public void reset(EpisodeContext context) { ticks = 0; }

    @Override
    public ActionChunk act(Observation observation, Instruction instruction) {
        if (ticks++ == failAt) failure.run();
        return ActionChunk.move(observation.stampNanos(), 50_000_000L, new Twist2D(0.1, 0));
    }
}
