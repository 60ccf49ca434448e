package dev.umwelt.scenarios.load;

import dev.umwelt.bus.yaml.Bound;

import java.util.List;

/** Ranges of a scenario's own fields and its task ({@code Scenario}, {@code PointGoal}, {@code ObjectGoal}, {@code AudioGoal}). */
public final class ScenarioBounds {
    private ScenarioBounds() {}

    static final Bound SEED = Bound.whole("seed", -1_000_000_000_000_000L, 1_000_000_000_000_000L, "",
            "a double holds every whole number up to 9e15 exactly");
    static final Bound TIME_LIMIT = Bound.of("timeLimit", 0.1, 86_400, "s", "up to a day of sim time");
    static final Bound PHYSICS_RATE = Bound.of("physicsRate", 1, 10_000, "Hz",
            "JBox2D steps; 10 kHz x a day is still a finite run");
    static final Bound START_X = Bound.of("start.x", -WorldBounds.LIMIT, WorldBounds.LIMIT, "m", WorldBounds.COORDINATE_WHY);
    static final Bound START_Y = Bound.of("start.y", -WorldBounds.LIMIT, WorldBounds.LIMIT, "m", WorldBounds.COORDINATE_WHY);
    static final Bound START_YAW = Bound.of("start.yaw", -360, 360, "degrees", "one turn either way");
    static final Bound GOAL_X = Bound.of("task.goal.x", -WorldBounds.LIMIT, WorldBounds.LIMIT, "m", WorldBounds.COORDINATE_WHY);
    static final Bound GOAL_Y = Bound.of("task.goal.y", -WorldBounds.LIMIT, WorldBounds.LIMIT, "m", WorldBounds.COORDINATE_WHY);
    static final Bound SUCCESS_RADIUS = Bound.of("task.successRadius", 0.01, 100, "m", "1 cm to half a hall");
    static final Bound EMITTER_RADIUS = Bound.of("task.emitterRadius", 0, 10, "m", "a phone to a loudspeaker stack");

    public static final List<Bound> ALL = List.of(SEED, TIME_LIMIT, PHYSICS_RATE, START_X, START_Y, START_YAW, GOAL_X,
            GOAL_Y, SUCCESS_RADIUS, EMITTER_RADIUS);
}
