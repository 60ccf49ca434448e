package dev.umwelt.scenarios.generate;

import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.scenarios.geodesic.Geodesics;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.robot.RobotResolver;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.bus.robot.CameraSpec;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.scenarios.task.AudioGoal;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.world.Room;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Procedural PointNav, ObjectNav and AudioGoal scenarios from a seed. Each attempt draws a layout, furnishes
 * it, picks start and goal, and checks solvability on the clearance grid; a failed attempt is
 * redrawn from (seed, attempt). The result is YAML text, parsed back with {@link ScenarioLoader},
 * so the Scenario is exactly what loading the written file gives (same trajectory hashes).
 */
public final class ScenarioGenerator {
    public static final int MAX_ATTEMPTS = 100;
    public static final double POINTNAV_SUCCESS_RADIUS = 0.3;
    /** Start and goal keep this clearance, more than the inflated radius, so the robot can turn there. */
    static final double POSE_CLEARANCE = 0.4;
    static final String ROBOT = "turtle";
    static final double FACE_TARGET_PROBABILITY = 0.3;
    private static final RobotDescription TURTLE = RobotResolver.catalogRobot(ROBOT);

    private ScenarioGenerator() {}

    /** Task kinds the generator makes, as reports name them. */
    public static final List<String> TASKS = List.of("pointnav", "objectnav", "audiogoal");

    /** @param task "pointnav", "objectnav" or "audiogoal" */
    public static GeneratedScenario generate(long userSeed, int index, Split split, String task) {
        if (!TASKS.contains(task)) {
            throw new IllegalArgumentException("unknown task '" + task + "'; expected pointnav, objectnav or audiogoal");
        }
        long seed = split.generatorSeed(userSeed, index);
        String name = String.format(Locale.ROOT, "gen-%s-%s-s%d-i%d", split.name().toLowerCase(Locale.ROOT), task, userSeed, index);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            SplittableRandom rng = new SplittableRandom(mix(seed, attempt));
            try {
                return attempt(name, seed, attempt, split, task, rng);
            } catch (Rejected r) {
                // Draw again; the next attempt's generator depends only on (seed, attempt).
            }
        }
        throw new IllegalStateException("no solvable " + task + " scenario in " + MAX_ATTEMPTS + " attempts for seed " + seed);
    }

    private static GeneratedScenario attempt(String name, long seed, int attempt, Split split, String task,
                                             SplittableRandom rng) {
        boolean objectNav = task.equals("objectnav");
        Layout layout = LayoutGenerator.generate(1 + rng.nextInt(6), rng);
        List<Item> items = Furnisher.furnish(layout, objectNav, rng);
        WorldMap world = new WorldMap(layout.cutWalls(), layout.doors(), layout.rooms(), items.stream().map(Item::object).toList());
        Checks.doors(world, TURTLE.inflationRadius());
        ClearanceGrid grid = ClearanceGrid.build(world);
        Geodesics geodesics = new Geodesics(grid, TURTLE.footprintRadius());
        Poses poses = new Poses(world, grid, rng);

        String taskText, instruction, description, sounds = "";
        Vec2 start;
        double geodesic;
        boolean outOfView = false, sharing = false;
        int distractors = 0;
        double yawDeg;
        if (objectNav) {
            Item targetItem = items.stream().filter(i -> i.role() == Item.Role.TARGET).findFirst().orElseThrow();
            WorldObject target = targetItem.object();
            double radius = ObjectGoal.DEFAULT_SUCCESS_RADIUS;
            Room targetRoom = world.roomAt(target.position()).orElseThrow();
            start = poses.far(target.position(), targetRoom, p -> target.distanceTo(p) > radius + 1);
            // Some episodes start facing the target (it may still be behind a wall), so not every one is a search.
            double facing = Math.toDegrees(Math.atan2(target.pose().y() - start.y(), target.pose().x() - start.x()));
            yawDeg = rng.nextDouble() < FACE_TARGET_PROBABILITY ? Num.deg(Math.toDegrees(Angles.normalize(Math.toRadians(facing + rng.nextDouble(-30, 30)))))
                    : poses.yawDeg();
            Reach reach = Reach.from(grid, start, TURTLE.inflationRadius());
            if (Checks.nearestCellNear(reach, target, Checks.TARGET_REACH).isEmpty()) throw new Rejected("target unreachable");
            Vec2 near = Checks.nearestCellNear(reach, target, 0.9 * radius).orElseThrow(() -> new Rejected("target unreachable"));
            geodesic = geodesics.distance(start, near);
            double fov = TURTLE.cameraSpec().map(CameraSpec::horizontalFov).orElse(Math.PI / 2);
            outOfView = Checks.outOfView(new Pose2D(start.x(), start.y(), Math.toRadians(yawDeg)), target, world, fov);
            for (Item i : items) {
                if (i == targetItem) continue;
                if (i.sameColourAndShape(targetItem)) throw new IllegalStateException("ambiguous target: " + i.id());
                if (i.sharesOneAttribute(targetItem) && i.label().equals(Furnisher.word(i.shape()))) distractors++;
            }
            sharing = distractors > 0;
            instruction = Phrasing.objectNav(split, target, world, rng);
            taskText = ScenarioYaml.objectNavTask(target.id(), radius, instruction);
            description = String.format(Locale.ROOT, "%s, %d rooms; find the %s %s in the %s", layout.kind().name().toLowerCase(Locale.ROOT),
                    world.rooms().size(), targetItem.colour(), targetItem.label(), targetRoom.name());
        } else if (task.equals("audiogoal")) {
            AudioGoals.Drawn a = AudioGoals.draw(split, world, poses, rng);
            start = a.start();
            yawDeg = a.yawDeg();
            Reach reach = Reach.from(grid, start, TURTLE.inflationRadius());
            WorldObject surface = a.surface();
            double radius = AudioGoal.DEFAULT_SUCCESS_RADIUS;
            if (Checks.nearestCellNear(reach, surface, Checks.TARGET_REACH).isEmpty()) throw new Rejected("emitter unreachable");
            Vec2 near = Checks.nearestCellNear(reach, surface, 0.9 * radius).orElseThrow(() -> new Rejected("emitter unreachable"));
            geodesic = geodesics.distance(start, near);
            double fov = TURTLE.cameraSpec().map(CameraSpec::horizontalFov).orElse(Math.PI / 2);
            outOfView = Checks.outOfView(new Pose2D(start.x(), start.y(), Math.toRadians(yawDeg)), surface, world, fov);
            instruction = a.instruction();
            taskText = ScenarioYaml.audioGoalTask(a.emitter().id(), AudioGoal.DEFAULT_EMITTER_RADIUS, radius, instruction);
            sounds = ScenarioYaml.sounds(a.emitter(), a.snrDb());
            description = String.format(Locale.ROOT, "%s, %d rooms; go to the %s (%s, %.0f dB) in the %s", layout.kind().name().toLowerCase(Locale.ROOT),
                    world.rooms().size(), a.emitter().id(), a.emitter().kind().name().toLowerCase(Locale.ROOT), a.emitter().levelDb(),
                    a.room().name());
        } else {
            start = poses.any(p -> true);
            yawDeg = poses.yawDeg();
            Reach reach = Reach.from(grid, start, TURTLE.inflationRadius());
            Vec2 from = start;
            Room startRoom = world.roomAt(start).orElseThrow();
            Vec2 goal = poses.farthestReachable(startRoom, reach, p -> p.distanceTo(from) > 2);
            geodesic = geodesics.distance(start, goal);
            instruction = Phrasing.pointNav(split, goal, rng);
            taskText = ScenarioYaml.pointNavTask(goal, POINTNAV_SUCCESS_RADIUS, instruction);
            description = String.format(Locale.ROOT, "%s, %d rooms; from the %s to the %s", layout.kind().name().toLowerCase(Locale.ROOT),
                    world.rooms().size(), startRoom.name(), world.roomAt(goal).map(Room::name).orElse("?"));
        }
        if (!Double.isFinite(geodesic)) throw new Rejected("no geodesic path for the footprint");
        double timeLimit = Math.max(60, Math.min(300, Math.round(30 + 5 * geodesic)));
        String header = String.format(Locale.ROOT, "Generated by dev.umwelt.scenarios.generate: split %s, generator seed %d, attempt %d.%n"
                + "Geodesic distance %.2f m. Edit freely; angles are degrees.", split.name().toLowerCase(Locale.ROOT), seed, attempt, geodesic);
        String yaml = ScenarioYaml.write(new ScenarioYaml.Content(header, name, description, seed, timeLimit,
                start.x(), start.y(), yawDeg, taskText, layout, items, sounds));
        Scenario scenario = ScenarioLoader.parse(yaml, Path.of(name + ".yaml"));
        // The checks above ran on the world built in code; it must be the world the file describes.
        if (!scenario.world().equals(world)) throw new IllegalStateException("generated world differs from its YAML: " + name);
        Difficulty d = new Difficulty(world.rooms().size(), geodesic, outOfView, sharing, distractors, attempt);
        return new GeneratedScenario(name, yaml, scenario, d);
    }

    /** SplitMix64 finaliser of (seed, attempt): attempts get unrelated streams. */
    static long mix(long seed, int attempt) {
        long z = seed * 0x9E3779B97F4A7C15L + attempt * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
