package dev.umwelt.policy.instruction;

/** What an instruction asks the robot to reach: an object, a sound, or a point in {@code map}. */
public sealed interface Target permits ObjectTarget, SoundTarget, PointTarget {}
