package dev.umwelt.scenarios.world;

import dev.umwelt.bus.Vec2;

/** A doorway: an opening of {@code width} metres centred at {@code center}, cut from the wall it lies on. */
public record Door(String label, Vec2 center, double width) {}
