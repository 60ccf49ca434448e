package dev.umwelt.agent.worldmodel;

import dev.umwelt.worldmodel.sound.SoundSource;
import dev.umwelt.worldmodel.sound.SoundSourceMap;
import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.scenarios.world.AcousticSettings;
import dev.umwelt.scenarios.world.SoundEmitter;
import dev.umwelt.sim.Simulator;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Triangulating a beeping emitter with the real acoustic simulator while the robot moves and turns. */
class SoundSourceMapSimTest {

    static SoundSourceMap run(Vec2 emitter, double seconds) {
        Scenario base = ScenarioLoader.load(Path.of("..", "scenarios", "catalog", "single-room.yaml"));
        Scenario s = base.withSounds(List.of(SoundEmitter.beep("alarm", emitter, 0.3, 500, 70, 0.5, 1.0)),
                AcousticSettings.DEFAULT);
        SoundSourceMap map = new SoundSourceMap(s.robot());
        try (Simulator sim = new Simulator(s, null)) {
            TickReadings t = sim.reset(3);
            boolean ambiguousEarly = false;
            int ticks = (int) (seconds * 20);
            for (int k = 0; k < ticks; k++) {
                // Audio chunks are stamped at their first sample; the ground truth at the tick
                // is within 0.1 s of it (the robot moves <= 4 cm, turns <= 3 deg meanwhile).
                for (Stamped r : t.readings()) if (r instanceof AudioChunk a) map.observe(a, sim.groundTruth());
                if (k == 20) ambiguousEarly = map.needsTurnToDisambiguate();
                Twist2D cmd = k < 80 ? new Twist2D(0.3, 0) : new Twist2D(0.15, 0.6);
                t = sim.step(VelocityCommand.of(sim.nowNanos(), cmd, 300_000_000L));
            }
            System.out.printf("sound: emitter %s, early ambiguous %s, now ambiguous %s, rays %d, source %s%n", emitter,
                    ambiguousEarly, map.needsTurnToDisambiguate(), map.rayCount(), map.strongest());
        }
        return map;
    }

    @Test
    void triangulatesABeepWhileMovingAndTurning() {
        for (Vec2 e : List.of(new Vec2(4.8, 3.8), new Vec2(4.5, 1.5), new Vec2(3.0, 4.2))) {
            SoundSourceMap map = run(e, 12);
            assertFalse(map.needsTurnToDisambiguate(), "still ambiguous for " + e);
            SoundSource src = map.strongest().orElseThrow(() -> new AssertionError("no source for " + e));
            double err = Math.hypot(src.x() - e.x(), src.y() - e.y());
            System.out.printf("emitter %s: error %.3f m, uncertainty %.3f m, %d bearings%n", e, err, src.uncertainty(), src.bearings());
            assertTrue(err < 0.5, "error " + err);
            assertTrue(src.uncertainty() < 1.0, "uncertainty " + src.uncertainty());
        }
    }

    @Test
    void silenceGivesNothing() {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "catalog", "single-room.yaml"));
        SoundSourceMap map = new SoundSourceMap(s.robot());
        SplittableRandom rnd = new SplittableRandom(1);
        for (int k = 0; k < 50; k++) {
            short[] pcm = new short[3200];
            for (int i = 0; i < pcm.length; i++) pcm[i] = (short) Math.round(rnd.nextGaussian() * 1.0); // ~ -90 dBFS floor
            map.observe(new AudioChunk(new Header(1_000_000_000L + k * 100_000_000L, Frames.BASE_LINK), 16000,
                    List.of("mic_left", "mic_right"), pcm), new Pose2D(0, 0, k * 0.1));
        }
        assertTrue(map.strongest().isEmpty());
        assertTrue(map.latestBearing().isEmpty());
        assertFalse(map.needsTurnToDisambiguate());
        assertTrue(map.rayCount() == 0);
    }
}
