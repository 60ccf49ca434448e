package dev.umwelt.policy.vla;

import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.objects.RememberedObject;
import dev.umwelt.worldmodel.query.PlannedPath;

import java.util.Optional;

/**
 * The belief's {@code path} channel: the world model's own plan ({@link WorldModel#plan}, A* on the
 * inflated grid, unknown cells passable at a cost) from the robot to where the instruction points,
 * as far as the belief knows it. Why: a 12 m crop shows a far goal only as a border cell, and the
 * way there (which door) is the part behaviour cloning learns worst; the plan is what the belief
 * implies, not a decision: the network still chooses where to drive and when to STOP.
 *
 * <p>The destination, first that applies: the instruction's point (PointNav); else the sound
 * source fitted to what was heard ({@link HeardTone}, trusted or not: AudioGoal); else the
 * remembered object the instruction most probably means, when that probability is at least
 * {@link #OBJECT_P} (ObjectNav, once the target has been seen). None: no path.
 */
final class GoalPath {
    /** An object this probable is the instruction's (a clear winner among 48 at tau 0.05). */
    static final double OBJECT_P = 0.5;
    static final double POINT_TOLERANCE = 0.2, SOURCE_TOLERANCE = 0.5, OBJECT_CLEARANCE = 0.35;

    private GoalPath() {}

    static Optional<PlannedPath> of(WorldModel world, ModelInputs.Instructed instr, HeardTone tone) {
        if (instr != null && instr.point() != null) return world.plan(instr.point()[0], instr.point()[1], POINT_TOLERANCE);
        double[] s = tone != null ? tone.source() : null;
        if (s != null) return world.plan(s[0], s[1], SOURCE_TOLERANCE);
        if (instr == null || instr.grounding() == null) return Optional.empty();
        RememberedObject best = null;
        double bestP = OBJECT_P;
        for (RememberedObject o : world.objects().objects()) {
            double p = meant(instr.grounding(), o);
            if (p >= bestP) { best = o; bestP = p; }
        }
        return best == null ? Optional.empty() : world.plan(best.x(), best.y(), best.radius() + OBJECT_CLEARANCE);
    }

    /** The probability that the instruction means the object: its shape, else the shape it leans to, else its colour's best. */
    static double meant(InstructionGrounding.Probabilities g, RememberedObject o) {
        Shape shape = o.shape() != null ? o.shape() : o.leaning();
        return shape != null ? g.of(o.colour(), shape) : g.bestOf(o.colour());
    }
}
