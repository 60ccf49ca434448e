package dev.umwelt.policy.explore;

import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.policy.motion.CommandRamp;
import dev.umwelt.policy.motion.Polyline;
import dev.umwelt.bus.robot.MotionLimits;
import dev.umwelt.bus.robot.RobotDescription;

/**
 * The control layer: turns a route, a heading or a reversing order into a body twist within
 * the robot's velocity and acceleration limits (per control period, from the robot
 * description). Pure pursuit on routes with a clearance-dependent lookahead and speed; rotation
 * in place when the heading error is large. Keeps the last command for the acceleration limits.
 */
final class Drive {
    private final RobotDescription robot;
    private final ExplorerConfig config;
    /** Radians: heading error above which the robot turns on the spot. */
    private final double rotateInPlace;
    private final MotionLimits lim;
    private final double dt;
    private final CommandRamp ramp;

    Drive(RobotDescription robot, ExplorerConfig config) {
        this.robot = robot;
        this.config = config;
        this.rotateInPlace = Math.toRadians(config.rotateInPlace());
        this.lim = robot.limits();
        this.dt = robot.controlPeriodNanos() * 1e-9;
        this.ramp = new CommandRamp(lim);
    }

    void reset() {
        ramp.reset();
    }

    double lastV() { return ramp.lastV(); }
    double lastW() { return ramp.lastW(); }

    /**
     * Pure pursuit along {@code route} from arc length {@code progress}. {@code clearance}: the
     * robot's clearance now (speed and lookahead shrink in tight places); {@code restAt}: the
     * remaining route length at which the robot should come to rest (braking profile).
     */
    Twist2D follow(Polyline route, double progress, Pose2D pose, double clearance, double restAt, double speedCap) {
        double fp = robot.footprintRadius();
        double lookahead = clamp(config.lookaheadBase() + (clearance - fp), config.minLookahead(), config.maxLookahead());
        double[] carrot = route.at(progress + lookahead);
        double dx = carrot[0] - pose.x(), dy = carrot[1] - pose.y();
        double ld = Math.max(1e-6, Math.hypot(dx, dy));
        double alpha = Angles.difference(Math.atan2(dy, dx), pose.yaw());
        if (Math.abs(alpha) > rotateInPlace) return turn(alpha);
        double remaining = Math.max(0, route.length() - progress - restAt);
        double obstacleScale = clamp((clearance - fp) / config.fullSpeedClearance(), config.minSpeedScale(), 1.0);
        double headingScale = clamp(1 - Math.abs(alpha) / rotateInPlace, 0.25, 1.0);
        double brake = Math.sqrt(2 * lim.maxLinearAcceleration() * 0.6 * remaining);
        double v = Math.min(Math.min(lim.maxLinearVelocity(), speedCap) * obstacleScale * headingScale, Math.max(0.06, brake));
        double w = v * 2 * Math.sin(alpha) / ld;
        if (Math.abs(w) > lim.maxAngularVelocity()) {
            v *= lim.maxAngularVelocity() / Math.abs(w);
            w = Math.copySign(lim.maxAngularVelocity(), w);
        }
        return limit(v, w);
    }

    /** Rotate in place toward a heading error {@code error} (radians), slowing near zero. */
    Twist2D turn(double error) {
        double wmax = lim.maxAngularVelocity();
        // Brake so that the turn ends at rest: w <= sqrt(2 * a * |error|).
        double w = Math.min(Math.min(wmax, 2.5 * Math.abs(error)), Math.sqrt(2 * lim.maxAngularAcceleration() * 0.6 * Math.abs(error)));
        return limit(0, Math.copySign(Math.max(w, 0.15), error));
    }

    /** Spin at a steady rate (look-around); {@code rate} is signed, radians per second. */
    Twist2D spin(double rate) {
        return limit(0, clamp(rate, -lim.maxAngularVelocity(), lim.maxAngularVelocity()));
    }

    /** Straight motion at {@code v} (negative: reverse), for recovery. */
    Twist2D straight(double v) {
        return limit(v, 0);
    }

    /** Come to rest within the acceleration limits. */
    Twist2D halt() {
        return limit(0, 0);
    }

    private Twist2D limit(double v, double w) {
        return ramp.next(v, w, dt);
    }

    static double clamp(double x, double lo, double hi) {
        return CommandRamp.clamp(x, lo, hi);
    }
}
