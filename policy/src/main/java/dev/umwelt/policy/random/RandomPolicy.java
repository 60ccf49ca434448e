package dev.umwelt.policy.random;

import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.policy.Policy;
import dev.umwelt.bus.robot.MotionLimits;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * The floor every policy must beat: it ignores its senses and the instruction, holds a random
 * velocity (within the robot's limits) for a random 0.5-2 s, and emits STOP at random with
 * probability {@value #STOP_PER_SECOND} per second (so an episode lasts ~20 s on average).
 * Seeded by the episode, so it is as deterministic as everything else.
 */
public final class RandomPolicy implements Policy {
    static final double STOP_PER_SECOND = 0.05;

    private SplittableRandom rnd;
    private MotionLimits limits;
    private long period;
    private double stopPerTick;
    private int holdTicks;
    private Twist2D current = Twist2D.ZERO;

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Set<Modality> requiredModalities() {
        return Set.of();
    }

    @Override
    public void reset(EpisodeContext context) {
        rnd = new SplittableRandom(context.seed() ^ 0x5DEECE66DL);
        limits = context.robot().limits();
        period = context.robot().controlPeriodNanos();
        stopPerTick = STOP_PER_SECOND * period / 1e9;
        holdTicks = 0;
    }

    @Override
    public ActionChunk act(Observation observation, Instruction instruction) {
        if (rnd == null) throw new IllegalStateException("reset() the random policy before act()");
        if (rnd.nextDouble() < stopPerTick) return ActionChunk.stop(observation.stampNanos(), period);
        if (holdTicks-- <= 0) {
            current = new Twist2D(rnd.nextDouble(0, limits.maxLinearVelocity()),
                    rnd.nextDouble(-limits.maxAngularVelocity(), limits.maxAngularVelocity()));
            holdTicks = (int) Math.round(rnd.nextDouble(0.5, 2.0) * 1e9 / period);
        }
        return ActionChunk.move(observation.stampNanos(), period, current);
    }
}
