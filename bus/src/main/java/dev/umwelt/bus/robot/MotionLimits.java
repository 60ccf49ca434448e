package dev.umwelt.bus.robot;

/** Velocity (m/s, rad/s) and acceleration (m/s^2, rad/s^2) limits of a differential-drive base. */
public record MotionLimits(double maxLinearVelocity, double maxAngularVelocity,
                           double maxLinearAcceleration, double maxAngularAcceleration) {}
