package dev.umwelt.scenarios;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.scenarios.task.Task;
import dev.umwelt.scenarios.world.AcousticSettings;
import dev.umwelt.scenarios.world.SoundEmitter;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.bus.fault.Fault;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One fully resolved navigation scenario: the robot (its description already loaded, with the
 * scenario's sensor settings applied), the world, the start pose in {@code map}, the task,
 * the time limit and the seed. {@code source} is the file it came from (null when built in code).
 * {@code domainRandomization} switches the camera's seeded randomization of light, wall and floor
 * colours, texture and camera noise (object colours never change: instructions name them).
 * {@code soundEmitters} and {@code acoustics} describe what the microphones hear (none: silence,
 * and the simulator computes no audio). {@code faults}: sensor faults injected into the
 * simulated readings (empty: none).
 */
public record Scenario(String name, Path source, String robotRef, RobotDescription robot, WorldMap world,
                       Pose2D start, Task task, double timeLimitSeconds, double physicsRateHz, long seed,
                       boolean domainRandomization, List<SoundEmitter> soundEmitters, AcousticSettings acoustics,
                       List<Fault> faults) {

    /** Without injected sensor faults. */
    public Scenario(String name, Path source, String robotRef, RobotDescription robot, WorldMap world,
                    Pose2D start, Task task, double timeLimitSeconds, double physicsRateHz, long seed,
                    boolean domainRandomization, List<SoundEmitter> soundEmitters, AcousticSettings acoustics) {
        this(name, source, robotRef, robot, world, start, task, timeLimitSeconds, physicsRateHz, seed,
                domainRandomization, soundEmitters, acoustics, List.of());
    }

    /** A silent scenario (no sound emitters, default acoustics) with these faults. */
    public Scenario(String name, Path source, String robotRef, RobotDescription robot, WorldMap world,
                    Pose2D start, Task task, double timeLimitSeconds, double physicsRateHz, long seed,
                    boolean domainRandomization, List<Fault> faults) {
        this(name, source, robotRef, robot, world, start, task, timeLimitSeconds, physicsRateHz, seed,
                domainRandomization, List.of(), AcousticSettings.DEFAULT, faults);
    }

    /** A silent scenario without faults. */
    public Scenario(String name, Path source, String robotRef, RobotDescription robot, WorldMap world,
                    Pose2D start, Task task, double timeLimitSeconds, double physicsRateHz, long seed,
                    boolean domainRandomization) {
        this(name, source, robotRef, robot, world, start, task, timeLimitSeconds, physicsRateHz, seed,
                domainRandomization, List.of(), AcousticSettings.DEFAULT, List.of());
    }

    /** A scenario rendered plainly (no domain randomization). */
    public Scenario(String name, Path source, String robotRef, RobotDescription robot, WorldMap world,
                    Pose2D start, Task task, double timeLimitSeconds, double physicsRateHz, long seed) {
        this(name, source, robotRef, robot, world, start, task, timeLimitSeconds, physicsRateHz, seed, false);
    }

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(robot, "robot");
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(task, "task");
        if (!(timeLimitSeconds > 0)) throw new IllegalArgumentException("timeLimitSeconds must be positive");
        if (!(physicsRateHz > 0)) throw new IllegalArgumentException("physicsRateHz must be positive");
        soundEmitters = List.copyOf(soundEmitters == null ? List.of() : soundEmitters);
        acoustics = acoustics == null ? AcousticSettings.DEFAULT : acoustics;
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    public Scenario withSeed(long s) {
        return new Scenario(name, source, robotRef, robot, world, start, task, timeLimitSeconds, physicsRateHz, s,
                domainRandomization, soundEmitters, acoustics, faults);
    }

    /** The same scenario with these sensor faults injected (e.g. the scenario's merged with the command line's). */
    public Scenario withFaults(List<Fault> f) {
        return new Scenario(name, source, robotRef, robot, world, start, task, timeLimitSeconds, physicsRateHz, seed,
                domainRandomization, soundEmitters, acoustics, f);
    }

    public Scenario withRobot(RobotDescription r) {
        return new Scenario(name, source, robotRef, r, world, start, task, timeLimitSeconds, physicsRateHz, seed,
                domainRandomization, soundEmitters, acoustics, faults);
    }

    public Scenario withSounds(List<SoundEmitter> emitters, AcousticSettings a) {
        return new Scenario(name, source, robotRef, robot, world, start, task, timeLimitSeconds, physicsRateHz, seed,
                domainRandomization, emitters, a, faults);
    }
}
