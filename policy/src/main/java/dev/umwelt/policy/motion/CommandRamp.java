package dev.umwelt.policy.motion;

import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.robot.MotionLimits;

/**
 * Keeps a policy's commands within the base's limits: acceleration first (from the last command
 * sent, over one control period), then speed. A policy that asks the impossible gets the nearest
 * command the base can follow, so what it plans with is what the robot does. One per episode.
 */
public final class CommandRamp {
    private final MotionLimits lim;
    private double lastV, lastW;

    public CommandRamp(MotionLimits limits) {
        this.lim = limits;
    }

    /** The base is at rest (a new episode, or after a stop). */
    public void reset() {
        lastV = 0;
        lastW = 0;
    }

    /** The base is moving at (v, w): the next command ramps from there (a policy taking over from another). */
    public void resume(double v, double w) {
        lastV = v;
        lastW = w;
    }

    public double lastV() { return lastV; }

    public double lastW() { return lastW; }

    /** The command to send for the wish (v, w), {@code dt} seconds after the last one. */
    public Twist2D next(double v, double w, double dt) {
        v = clamp(v, lastV - lim.maxLinearAcceleration() * dt, lastV + lim.maxLinearAcceleration() * dt);
        w = clamp(w, lastW - lim.maxAngularAcceleration() * dt, lastW + lim.maxAngularAcceleration() * dt);
        v = clamp(v, -lim.maxLinearVelocity(), lim.maxLinearVelocity());
        w = clamp(w, -lim.maxAngularVelocity(), lim.maxAngularVelocity());
        lastV = v;
        lastW = w;
        return new Twist2D(v, w);
    }

    public static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
