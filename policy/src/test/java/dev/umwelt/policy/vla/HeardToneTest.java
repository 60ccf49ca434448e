package dev.umwelt.policy.vla;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.WorldModelConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The heard-tone channels' memory on a synthetic 1 kHz tone falling off as 1/r from (0, 0): the
 * loudest place reads 1, a place 4x as far (12 dB down) reads 0.5, an untonal chunk and a chunk
 * heard twice add nothing, and the loudness channel paints each place in the crop; heard along a
 * path round it, the source channel paints the fitted source where it is.
 */
class HeardToneTest {
    static final int RATE = 16000, FRAMES = 1600;

    /** A chunk heard at {@code pose} (odometry says the robot is there), through the world model's one analysis, then read. */
    static void hear(WorldModel world, HeardTone m, long t, double r, double noise, SplittableRandom rng, Pose2D pose) {
        Observation audio = chunk(t, r, noise, rng);
        world.update(Observation.at(t).present(Modality.ODOMETRY, Odometry.of(t, pose, Twist2D.ZERO))
                .present(Modality.AUDIO, audio.audio().reading()).build());
        m.update(world, t);
    }

    static WorldModel world() {
        return new WorldModel(ModelDirectoryTest.TURTLE, Pose2D.ORIGIN, WorldModelConfig.DEFAULTS);
    }

    static Observation chunk(long t, double r, double noise, SplittableRandom rng) {
        short[] pcm = new short[2 * FRAMES];
        for (int n = 0; n < FRAMES; n++) {
            double ph = 2 * Math.PI * 1000 * (n / (double) RATE);
            for (int c = 0; c < 2; c++) pcm[2 * n + c] = (short) Math.round(32767 * (0.2 / r * Math.sin(ph) + noise * rng.nextGaussian()));
        }
        AudioChunk a = new AudioChunk(new Header(t, "base_link"), RATE, List.of("mic_left", "mic_right"), pcm);
        return Observation.at(t).present(Modality.AUDIO, a).build();
    }

    @Test
    void levelsRelativeToTheLoudestPlace() {
        HeardTone m = new HeardTone(false);
        WorldModel world = world();
        SplittableRandom rng = new SplittableRandom(3);
        hear(world, m, 1, 1.0, 0.001, rng, new Pose2D(1, 0, 0));
        hear(world, m, 2, 4.0, 0.001, rng, new Pose2D(4, 0, 0));
        hear(world, m, 2, 0.5, 0.001, rng, new Pose2D(9, 9, 0)); // the same stamp again: used once
        hear(world, m, 3, Double.POSITIVE_INFINITY, 0.05, rng, new Pose2D(-3, 0, 0)); // noise, no tone: no sample
        List<double[]> v = new java.util.ArrayList<>(m.levels());
        v.sort(java.util.Comparator.comparingDouble(c -> c[0]));
        assertEquals(2, v.size());
        assertEquals(1.0, v.get(0)[2], 1e-9, "the loudest place");
        assertEquals(1 - 20 * Math.log10(4) / HeardTone.SPAN_DB, v.get(1)[2], 0.03, "12 dB down of a 24 dB span");
        assertNull(m.source(), "no fit asked for");

        float[] x = new float[9 * 16 * 16];
        var kinds = java.util.Collections.nCopies(8, ModelManifest.BeliefChannel.TRAIL);
        var all = new java.util.ArrayList<>(kinds);
        all.add(ModelManifest.BeliefChannel.LOUDNESS);
        BeliefRaster.paint(world, new Pose2D(2.5, 0, 0), all, 16, 16, 0.5, null, m, x);
        int plane = 256, ch = 8 * plane;
        // ego x = -1.5 m and +1.5 m: rows (15/2 + 3) and (15/2 - 3) rounded, the centre column (7.5 -> 8)
        assertEquals(1f, x[ch + 11 * 16 + 8], 1e-6f, "(1, 0) behind the robot");
        assertEquals((float) v.get(1)[2], x[ch + 5 * 16 + 8], 1e-6f, "(4, 0) ahead");
        double sum = 0;
        for (int p = 0; p < plane; p++) sum += x[ch + p];
        assertEquals(1 + v.get(1)[2], sum, 1e-5, "nothing else painted");
    }

    @Test
    void theSourceIsFittedWhereTheToneComesFrom() {
        HeardTone m = new HeardTone(true);
        WorldModel world = world();
        SplittableRandom rng = new SplittableRandom(5);
        // An approach from 5 m and a half circle at 1.5 m round a source at (2, 1): one chunk a second.
        List<double[]> path = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) path.add(new double[] {2 - 5 + i * 0.45, 1});
        for (int i = 0; i <= 12; i++) {
            double a = Math.PI + i * Math.PI / 12;
            path.add(new double[] {2 + 1.5 * Math.cos(a), 1 + 1.5 * Math.sin(a)});
        }
        for (int i = 0; i < path.size(); i++) {
            double[] p = path.get(i);
            long t = (i + 1) * 1_000_000_000L;
            hear(world, m, t, Math.hypot(p[0] - 2, p[1] - 1), 0.001, rng, new Pose2D(p[0], p[1], 0));
        }
        double[] s = m.source();
        assertNotNull(s, "a fit after " + path.size() + " places");
        assertEquals(2, s[0], 0.3, "source x");
        assertEquals(1, s[1], 0.3, "source y");

        float[] x = new float[10 * 16 * 16];
        var all = new java.util.ArrayList<>(java.util.Collections.nCopies(9, ModelManifest.BeliefChannel.TRAIL));
        all.add(ModelManifest.BeliefChannel.SOURCE);
        BeliefRaster.paint(world, new Pose2D(0, 1, 0), all, 16, 16, 0.5, null, m, x);
        int ch = 9 * 256;
        // ego (2, 0): row 7.5 - 4 = 3.5, column 7.5: the cells round (3.5, 7.5) within 0.5 m (1 cell)
        float centre = x[ch + 4 * 16 + 8];
        assertTrue(centre == 1f || centre == HeardTone.UNTRUSTED, "the fit painted at its place: " + centre);
        assertEquals(0f, x[ch + 12 * 16 + 8], "nothing behind the robot");
    }
}
