package dev.umwelt.agent.lifecycle;

import dev.umwelt.agent.Policies;
import dev.umwelt.agent.cli.Umwelt;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.policy.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Child process of {@link LoopErrorTest}: the real command line ({@link Umwelt#main}) with one more
 * policy, {@code heap-eater}, that fills the heap on the episode's event loop at its tick
 * {@value #EAT_AT} until the JVM throws a real OutOfMemoryError ("Java heap space").
 */
public final class HeapEaterMain {
    static final int EAT_AT = 10;

    public static void main(String[] args) {
        Policies.register("heap-eater", HeapEater::new);
        Umwelt.main(args);
    }

    static final class HeapEater implements Policy {
        private int ticks;

        @Override public String name() { return "heap-eater"; }
        @Override public Set<Modality> requiredModalities() { return Set.of(); }
        @Override public void reset(EpisodeContext context) { ticks = 0; }

        @Override
        public ActionChunk act(Observation observation, Instruction instruction) {
            if (ticks++ == EAT_AT) {
                List<long[]> eaten = new ArrayList<>();
                while (true) eaten.add(new long[1 << 17]); // 1 MiB at a time; freed again once it throws
            }
            return ActionChunk.move(observation.stampNanos(), 50_000_000L, new Twist2D(0.1, 0));
        }
    }
}
