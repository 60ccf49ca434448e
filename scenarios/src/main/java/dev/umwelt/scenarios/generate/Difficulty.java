package dev.umwelt.scenarios.generate;

/**
 * How hard a generated episode is. {@code geodesicDistance}: metres for the robot's footprint,
 * start to goal (PointNav) or to the nearest reachable point within the success radius of the
 * target's surface (ObjectNav). The ObjectNav fields are false/0 for PointNav.
 * {@code attempts}: draws needed until the world passed the solvability check (1 = first try).
 */
public record Difficulty(int rooms, double geodesicDistance, boolean targetOutOfViewAtStart,
                         boolean distractorSharesAttribute, int distractors, int attempts) {}
