package dev.umwelt.sim.odometry;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.robot.OdometrySpec;

import java.util.SplittableRandom;

/**
 * Wheel odometry integrated from the body's actual motion, one increment per physics
 * substep, with the drift of {@link OdometrySpec}: the forward distance is misread by
 * {@code (1 + distanceScaleError)}, heading gains {@code yawDriftPerMetre * |distance|}, and
 * both increments get white noise of {@code noiseStddev} times their size. Wheels do not see
 * sideways motion (being pushed), so only the forward component of each displacement counts.
 * The odom frame is the start pose: the estimate is (0, 0, 0) at reset.
 */
public final class WheelOdometry {
    private final OdometrySpec spec;
    private final SplittableRandom noise;
    private double bodyX, bodyY, bodyAngle; // previous true body state (angle unwrapped)
    private double x, y, yaw;               // the estimate in odom
    private double v, w;                    // the last increment as a body twist

    public WheelOdometry(OdometrySpec spec, SplittableRandom noise, double bodyX, double bodyY, double bodyAngle) {
        this.spec = spec;
        this.noise = noise;
        this.bodyX = bodyX;
        this.bodyY = bodyY;
        this.bodyAngle = bodyAngle;
    }

    /** Takes the body's state after a substep of {@code dt} seconds. */
    public void integrate(double nowX, double nowY, double nowAngle, double dt) {
        double dx = nowX - bodyX, dy = nowY - bodyY, dTheta = nowAngle - bodyAngle;
        double forward = dx * Math.cos(bodyAngle) + dy * Math.sin(bodyAngle);
        bodyX = nowX; bodyY = nowY; bodyAngle = nowAngle;

        double d = forward * (1 + spec.distanceScaleError());
        double turn = dTheta + spec.yawDriftPerMetre() * Math.abs(forward);
        if (spec.noiseStddev() > 0) {
            d *= 1 + noise.nextGaussian() * spec.noiseStddev();
            turn *= 1 + noise.nextGaussian() * spec.noiseStddev();
        }
        // Forward Euler on the previous heading, as the physics integrates the base.
        x += d * Math.cos(yaw);
        y += d * Math.sin(yaw);
        yaw += turn;
        v = d / dt;
        w = turn / dt;
    }

    public Odometry reading(long stampNanos) {
        return Odometry.of(stampNanos, new Pose2D(x, y, yaw), new Twist2D(v, w));
    }
}
