package dev.umwelt.scenarios.task;

import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.world.WorldMap;

import java.util.Locale;

/** PointNav: reach a point in the map frame and STOP within {@code successRadius} of it. */
public record PointGoal(Vec2 goal, double successRadius, String instruction) implements Task {
    public PointGoal {
        if (instruction == null || instruction.isBlank()) {
            instruction = String.format(Locale.ROOT, "go to (%.2f, %.2f)", goal.x(), goal.y());
        }
    }

    @Override
    public String kind() {
        return "pointnav";
    }

    @Override
    public double distanceToGoal(WorldMap world, Vec2 position) {
        return goal.distanceTo(position);
    }
}
