package dev.umwelt.sim.physics;

import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.robot.MotionLimits;
import dev.umwelt.bus.robot.RobotDescription;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;

import java.util.SplittableRandom;

/**
 * A differential-drive base driven kinematically: each substep it picks a target twist (the
 * command if valid now, else zero: the cmd_vel timeout), clamps it to the velocity limits,
 * ramps toward it within the acceleration limits, splits it into wheel speeds, applies
 * per-wheel slip, and sets the body's velocities. Contacts still stop it: the solver works
 * on those velocities.
 */
public final class DiffDriveBase {
    private final MotionLimits limits;
    private final double wheelbase;
    private final double slipStddev;
    private final Vec2 scratch = new Vec2(); // reused: no allocation per substep

    private VelocityCommand command;
    private boolean driving; // whether the previous substep had a valid command
    private double v, w;     // the ramped twist the motors are following

    public DiffDriveBase(RobotDescription robot) {
        this.limits = robot.limits();
        this.wheelbase = robot.wheelbase();
        this.slipStddev = robot.motionNoise().slipStddev();
    }

    public void command(VelocityCommand c) {
        if (c != null) command = c;
    }

    public double linear() {
        return v;
    }

    public double angular() {
        return w;
    }

    /**
     * Advances the ramp by {@code dt} seconds at time {@code now}. Returns true when the base
     * has just lost its valid command (once per lapse: the COMMAND_EXPIRED moment).
     */
    public boolean update(long now, double dt) {
        boolean valid = command != null && command.isValidAt(now);
        double tv = 0, tw = 0;
        if (valid) {
            tv = clamp(command.twist().linear(), limits.maxLinearVelocity());
            tw = clamp(command.twist().angular(), limits.maxAngularVelocity());
        }
        v += clamp(tv - v, limits.maxLinearAcceleration() * dt);
        w += clamp(tw - w, limits.maxAngularAcceleration() * dt);
        boolean lapsed = driving && !valid;
        driving = valid;
        return lapsed;
    }

    /** Sets the body's world-frame velocities from the ramped twist, with wheel slip. */
    public void drive(Body body, SplittableRandom slip) {
        double half = wheelbase / 2;
        double left = v - w * half, right = v + w * half;
        if (slipStddev > 0) {
            left *= 1 + slip.nextGaussian() * slipStddev;
            right *= 1 + slip.nextGaussian() * slipStddev;
        }
        double lin = (left + right) / 2, ang = (right - left) / wheelbase;
        double yaw = body.getAngle();
        scratch.set((float) (lin * Math.cos(yaw)), (float) (lin * Math.sin(yaw)));
        body.setLinearVelocity(scratch);
        body.setAngularVelocity((float) ang);
    }

    private static double clamp(double x, double limit) {
        return Math.max(-limit, Math.min(limit, x));
    }
}
