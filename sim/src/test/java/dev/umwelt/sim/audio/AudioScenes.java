package dev.umwelt.sim.audio;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.robot.MicrophoneSpec;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.scenarios.world.AcousticSettings;
import dev.umwelt.scenarios.world.SoundEmitter;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.sim.Simulator;
import dev.umwelt.sim.bench.BenchWorld;

import java.util.ArrayList;
import java.util.List;

/** Scenes for the audio tests and benchmark: a still robot at the origin (yaw 0), emitters around it. */
public final class AudioScenes {
    public static final double MIC_HEIGHT = 0.3;

    private AudioScenes() {}

    public static RobotDescription robot() {
        RobotDescription b = BenchWorld.robot();
        return new RobotDescription(b.name(), b.source(), b.footprintRadius(), b.wheelbase(), b.massKg(),
                b.safetyMargin(), b.limits(), b.motionNoise(), b.controlRateHz(), b.commandTimeoutSeconds(), b.lidar(),
                b.odometry(), null, List.of(new MicrophoneSpec(Frames.MIC_LEFT, 0, 0.1, MIC_HEIGHT),
                new MicrophoneSpec(Frames.MIC_RIGHT, 0, -0.1, MIC_HEIGHT)));
    }

    public static Scenario scene(List<Wall> walls, List<SoundEmitter> emitters, AcousticSettings acoustics, long seed) {
        WorldMap map = new WorldMap(walls, List.of(), List.of(), List.of());
        return new Scenario("audio", null, "bench-bot", robot(), map, Pose2D.ORIGIN,
                new PointGoal(new Vec2(30, 30), 0.5, "listen"), 3600, 100, seed, false, emitters, acoustics);
    }

    /** A 500 Hz beep (on 0.2 s of every 0.4 s) of 70 dB SPL at 1 m, at mic height. */
    public static SoundEmitter beep(double x, double y) {
        return SoundEmitter.beep("beep", new Vec2(x, y), MIC_HEIGHT, 500, 70, 0.5, 0.4);
    }

    /** Runs {@code seconds} of sim time with the robot still; returns every audio chunk. */
    public static List<AudioChunk> listen(Scenario s, double seconds) {
        List<AudioChunk> chunks = new ArrayList<>();
        try (Simulator sim = new Simulator(s, null)) {
            sim.reset(s.seed());
            int ticks = (int) Math.round(seconds * s.robot().controlRateHz());
            for (int i = 0; i < ticks; i++) {
                TickReadings t = sim.step(null);
                for (Stamped r : t.readings()) if (r instanceof AudioChunk a) chunks.add(a);
            }
        }
        return chunks;
    }
}
