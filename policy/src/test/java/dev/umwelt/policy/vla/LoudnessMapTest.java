package dev.umwelt.policy.vla;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.AudioChunk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The loudness channel's memory on a synthetic 1 kHz tone falling off as 1/r from (0, 0): the
 * loudest place reads 1, a place 4x as far (12 dB down) reads 0.5, an untonal chunk and a chunk
 * heard twice add nothing, and the channel paints each place in the crop.
 */
class LoudnessMapTest {
    static final int RATE = 16000, FRAMES = 1600;

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
        LoudnessMap m = new LoudnessMap();
        SplittableRandom rng = new SplittableRandom(3);
        m.update(chunk(1, 1.0, 0.001, rng), new Pose2D(1, 0, 0));
        m.update(chunk(2, 4.0, 0.001, rng), new Pose2D(4, 0, 0));
        m.update(chunk(2, 0.5, 0.001, rng), new Pose2D(9, 9, 0)); // the same stamp again: used once
        m.update(chunk(3, Double.POSITIVE_INFINITY, 0.05, rng), new Pose2D(-3, 0, 0)); // noise, no tone: no sample
        List<double[]> v = m.values();
        assertEquals(2, v.size());
        assertEquals(1.0, v.get(0)[2], 1e-9, "the loudest place");
        assertEquals(1 - 20 * Math.log10(4) / LoudnessMap.SPAN_DB, v.get(1)[2], 0.03, "12 dB down of a 24 dB span");

        float[] x = new float[9 * 16 * 16];
        var kinds = java.util.Collections.nCopies(8, ModelManifest.BeliefChannel.TRAIL);
        var all = new java.util.ArrayList<>(kinds);
        all.add(ModelManifest.BeliefChannel.LOUDNESS);
        var world = new dev.umwelt.worldmodel.WorldModel(ModelDirectoryTest.TURTLE, Pose2D.ORIGIN,
                dev.umwelt.worldmodel.WorldModelConfig.DEFAULTS);
        BeliefRaster.paint(world, new Pose2D(2.5, 0, 0), all, 16, 16, 0.5, null, m, x);
        int plane = 256, ch = 8 * plane;
        // ego x = -1.5 m and +1.5 m: rows (15/2 + 3) and (15/2 - 3) rounded, the centre column (7.5 -> 8)
        assertEquals(1f, x[ch + 11 * 16 + 8], 1e-6f, "(1, 0) behind the robot");
        assertEquals((float) v.get(1)[2], x[ch + 5 * 16 + 8], 1e-6f, "(4, 0) ahead");
        double sum = 0;
        for (int p = 0; p < plane; p++) sum += x[ch + p];
        assertEquals(1 + v.get(1)[2], sum, 1e-5, "nothing else painted");
    }
}
