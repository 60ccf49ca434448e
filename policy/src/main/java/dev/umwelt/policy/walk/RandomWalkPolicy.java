package dev.umwelt.policy.walk;

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
 * An obstacle-blind wanderer, the shield's test load: always full linear speed, a turn rate
 * (within half the robot's limit) redrawn every random 0.5-1.5 s, never STOP. It requires no
 * modality, so the watchdog never stops it; only the safety shield keeps it off walls.
 * Seeded by the episode.
 */
public final class RandomWalkPolicy implements Policy {
    private SplittableRandom rnd;
    private MotionLimits limits;
    private long period;
    private int holdTicks;
    private double turn;

    @Override
    public String name() {
        return "random-walk";
    }

    @Override
    public Set<Modality> requiredModalities() {
        return Set.of();
    }

    @Override
    public void reset(EpisodeContext context) {
        rnd = new SplittableRandom(context.seed() ^ 0x3C6EF372FE94F82BL);
        limits = context.robot().limits();
        period = context.robot().controlPeriodNanos();
        holdTicks = 0;
        turn = 0;
    }

    @Override
    public ActionChunk act(Observation observation, Instruction instruction) {
        if (rnd == null) throw new IllegalStateException("reset() the random-walk policy before act()");
        if (holdTicks-- <= 0) {
            double w = limits.maxAngularVelocity() / 2;
            turn = rnd.nextDouble(-w, w);
            holdTicks = (int) Math.round(rnd.nextDouble(0.5, 1.5) * 1e9 / period);
        }
        return ActionChunk.move(observation.stampNanos(), period, new Twist2D(limits.maxLinearVelocity(), turn));
    }
}
