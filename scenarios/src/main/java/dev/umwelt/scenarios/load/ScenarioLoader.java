package dev.umwelt.scenarios.load;

import dev.umwelt.bus.fault.FaultBounds;

import dev.umwelt.bus.fault.FaultsLoader;

import dev.umwelt.bus.robot.SensorSpecs;

import dev.umwelt.bus.robot.RobotResolver;

import dev.umwelt.bus.robot.RobotDescriptionLoader;

import dev.umwelt.bus.yaml.YamlMap;

import dev.umwelt.bus.yaml.YamlReader;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.scenarios.task.Task;
import dev.umwelt.scenarios.world.AcousticSettings;
import dev.umwelt.scenarios.world.SoundEmitter;
import dev.umwelt.scenarios.world.WorldObject;
import dev.umwelt.bus.fault.Fault;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Loads a scenario YAML file (format: scenarios/README.md) into a fully resolved {@link Scenario}:
 * the robot description found and loaded, the scenario's sensor overrides applied, doors cut
 * out of walls, and the start and goal checked to be clear of walls and static objects.
 */
public final class ScenarioLoader {
    static final double DEFAULT_PHYSICS_RATE_HZ = 100;
    static final double DEFAULT_SUCCESS_RADIUS = 0.3;

    /** Task types the format knows; grows with the Task hierarchy. */
    enum TaskType { POINTNAV, OBJECTNAV, AUDIOGOAL }

    private ScenarioLoader() {}

    /** @throws ScenarioException naming file:line and field for any problem in the file or its robot */
    public static Scenario load(Path file) {
        return fromYaml(YamlReader.readFile(file), file);
    }

    /**
     * Parses scenario text as if it were the file {@code nominalPath}: messages name that path and
     * the robot is looked up relative to it (it need not exist).
     */
    public static Scenario parse(String yamlText, Path nominalPath) {
        return fromYaml(YamlReader.read(yamlText, nominalPath), nominalPath, null);
    }

    /**
     * Parses scenario text with its {@code robot:} reference bound to the robot description text
     * {@code robotYaml} instead of a file lookup (an episode file carries both texts, so a replay
     * needs nothing outside it). The scenario's sensor overrides still apply.
     */
    public static Scenario parse(String yamlText, Path nominalPath, String robotYaml) {
        java.util.Objects.requireNonNull(robotYaml, "robotYaml");
        return fromYaml(YamlReader.read(yamlText, nominalPath), nominalPath, robotYaml);
    }

    private static Scenario fromYaml(YamlMap m, Path file) {
        return fromYaml(m, file, null);
    }

    private static Scenario fromYaml(YamlMap m, Path file, String robotYaml) {
        m.allowOnly("name", "description", "robot", "seed", "timeLimit", "physicsRate", "start", "task", "world", "sensors",
                "domainRandomization", "sounds", "faults");
        String name = m.requireString("name");
        // Read for validation only: the Scenario record has no description field yet.
        m.optionalString("description", "");
        long seed = m.optionalLong(ScenarioBounds.SEED, 0);
        double timeLimit = m.requireDouble(ScenarioBounds.TIME_LIMIT);
        double physicsRate = m.optionalDouble(ScenarioBounds.PHYSICS_RATE, DEFAULT_PHYSICS_RATE_HZ);

        YamlMap startMap = m.requireMap("start").allowOnly("x", "y", "yaw");
        Pose2D start = new Pose2D(startMap.requireDouble(ScenarioBounds.START_X), startMap.requireDouble(ScenarioBounds.START_Y),
                startMap.optionalDegrees(ScenarioBounds.START_YAW, 0));

        YamlMap taskMap = m.requireMap("task");
        WorldLoader.Loaded world = WorldLoader.load(m.requireMap("world"));

        String robotRef = m.requireString("robot").trim();
        RobotDescription robot = robotYaml == null ? RobotResolver.resolve(robotRef, file, m.require("robot"))
                : RobotDescriptionLoader.parse(robotYaml, RobotResolver.nominalPath(robotRef, file));
        if (m.has("sensors")) robot = applySensorOverrides(robot, m.requireMap("sensors"));

        Placement.requireInside(new Vec2(start.x(), start.y()), world, startMap, "start");
        Placement.requireFree(new Vec2(start.x(), start.y()), robot.footprintRadius(), world, startMap, "start");
        // Sounds before the task: an AudioGoal names an emitter.
        SoundsLoader.Loaded sounds = m.has("sounds") ? SoundsLoader.load(m.requireMap("sounds"), file, world)
                : new SoundsLoader.Loaded(List.of(), AcousticSettings.DEFAULT);
        Task task = task(taskMap, robot, world, sounds.emitters());
        boolean randomize = m.optionalBoolean("domainRandomization", false);
        List<Fault> faults = FaultsLoader.load(m.optionalList("faults", FaultBounds.MAX_FAULTS));
        Scenario scenario = new Scenario(name, file, robotRef, robot, world.map(), start, task, timeLimit, physicsRate, seed,
                randomize, sounds.emitters(), sounds.acoustics(), faults);
        Solvability.check(scenario, world.doorNodes(), taskMap);
        return scenario;
    }

    private static Task task(YamlMap t, RobotDescription robot, WorldLoader.Loaded world, List<SoundEmitter> emitters) {
        TaskType type = t.requireEnum("type", TaskType.class);
        switch (type) {
            case POINTNAV: {
                t.allowOnly("type", "goal", "successRadius", "instruction");
                YamlMap g = t.requireMap("goal").allowOnly("x", "y");
                Vec2 goal = new Vec2(g.requireDouble(ScenarioBounds.GOAL_X), g.requireDouble(ScenarioBounds.GOAL_Y));
                double radius = t.optionalDouble(ScenarioBounds.SUCCESS_RADIUS, DEFAULT_SUCCESS_RADIUS);
                String instruction = t.optionalString("instruction", null);
                Placement.requireInside(goal, world, g, "goal");
                Placement.requireFree(goal, robot.footprintRadius(), world, g, "goal");
                return new PointGoal(goal, radius, instruction);
            }
            case OBJECTNAV: {
                t.allowOnly("type", "target", "successRadius", "instruction");
                String targetId = t.requireString("target").trim();
                Optional<WorldObject> target = world.map().object(targetId);
                if (target.isEmpty()) {
                    String known = world.map().objects().stream().map(WorldObject::id).collect(Collectors.joining(", "));
                    throw t.require("target").error("unknown object '" + targetId + "'; known objects: "
                            + (known.isEmpty() ? "none (the world has no objects)" : known));
                }
                double radius = t.optionalDouble(ScenarioBounds.SUCCESS_RADIUS, ObjectGoal.DEFAULT_SUCCESS_RADIUS);
                WorldObject o = target.get();
                String instruction = t.optionalString("instruction", "go to the " + o.colour().name() + " " + o.label());
                return new ObjectGoal(targetId, radius, instruction);
            }
            case AUDIOGOAL:
                return AudioGoalLoader.load(t, world.map(), emitters);
            default:
                throw t.require("type").error("unsupported task type " + type);
        }
    }

    /** A scenario may change sensor settings of its robot, e.g. turn noise off for a deterministic test. */
    private static RobotDescription applySensorOverrides(RobotDescription robot, YamlMap s) {
        s.allowOnly("lidar", "odometry", "motionNoise");
        RobotDescription r = robot;
        if (s.has("lidar")) r = r.withLidar(SensorSpecs.lidar(s.requireMap("lidar"), r.lidar()));
        if (s.has("odometry")) r = r.withOdometry(SensorSpecs.odometry(s.requireMap("odometry"), r.odometry()));
        if (s.has("motionNoise")) r = r.withMotionNoise(SensorSpecs.motionNoise(s.requireMap("motionNoise"), r.motionNoise()));
        return r;
    }
}
