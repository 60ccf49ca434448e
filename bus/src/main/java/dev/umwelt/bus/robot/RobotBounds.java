package dev.umwelt.bus.robot;

import dev.umwelt.bus.yaml.Bound;

import java.util.List;

/** Ranges of a robot description's body fields ({@code RobotDescription}, {@code MotionLimits}, {@code MotionNoise}). */
public final class RobotBounds {
    private RobotBounds() {}

    static final Bound FOOTPRINT_RADIUS = Bound.of("footprintRadius", 0.01, 10, "m",
            "a 1 cm micro-robot to a 20 m wide vehicle");
    static final Bound WHEELBASE = Bound.of("wheelbase", 0.01, 20, "m", "as the footprint");
    static final Bound MASS = Bound.of("mass", 0.01, 50_000, "kg",
            "10 g to a 50 t vehicle; the physics density stays a normal float");
    static final Bound SAFETY_MARGIN = Bound.of("safetyMargin", 0, 10, "m", "clearance beyond the footprint");
    static final Bound CONTROL_RATE = Bound.of("controlRate", 1, 10_000, "Hz",
            "a tick per second to 10 kHz; ticks per episode and physics sub-steps per tick stay countable");
    static final Bound COMMAND_TIMEOUT = Bound.of("commandTimeout", 0.001, 60, "s", "a cmd_vel deadline");
    static final Bound MAX_LINEAR_VELOCITY = Bound.of("limits.maxLinearVelocity", 0.001, 50, "m/s",
            "up to 180 km/h");
    static final Bound MAX_ANGULAR_VELOCITY = Bound.of("limits.maxAngularVelocity", 0.001, 100, "rad/s",
            "about 16 turns per second");
    static final Bound MAX_LINEAR_ACCELERATION = Bound.of("limits.maxLinearAcceleration", 0.001, 100, "m/s^2",
            "about 10 g");
    static final Bound MAX_ANGULAR_ACCELERATION = Bound.of("limits.maxAngularAcceleration", 0.001, 1000, "rad/s^2",
            "as the angular velocity, reached in 0.1 s");
    static final Bound SLIP = Bound.of("motionNoise.slipStddev", 0, 1, "",
            "a fraction of each wheel increment; beyond 1 a wheel moves more than it turns");

    public static final List<Bound> ALL = List.of(FOOTPRINT_RADIUS, WHEELBASE, MASS, SAFETY_MARGIN, CONTROL_RATE,
            COMMAND_TIMEOUT, MAX_LINEAR_VELOCITY, MAX_ANGULAR_VELOCITY, MAX_LINEAR_ACCELERATION,
            MAX_ANGULAR_ACCELERATION, SLIP);
}
