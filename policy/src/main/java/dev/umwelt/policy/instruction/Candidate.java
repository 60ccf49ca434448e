package dev.umwelt.policy.instruction;

import dev.umwelt.bus.appearance.Shape;

/**
 * What {@link InstructionParser#resolve} needs to know of a remembered object: colour (palette
 * name or null), shape (or null), label (or null: the world model may know no label) and its
 * position in {@code map}.
 */
public record Candidate(String colour, Shape shape, String label, double x, double y) {}
