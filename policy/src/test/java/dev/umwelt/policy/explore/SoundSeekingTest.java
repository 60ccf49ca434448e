package dev.umwelt.policy.explore;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.AudioChunk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The level fit on synthesized two-channel chunks following the simulator's model (sim/README.md
 * Audio): a 1000 Hz tone (spatially aliased on a 0.2 m pair, so bearings would not help) falling
 * as 1/r in 3D, white noise 20 dB below the tone's 1 m level, a robot driving an L-shaped path past it.
 */
class SoundSeekingTest {
    static final int RATE = 16_000, FRAMES = 1600;
    static final double SX = 3.0, SY = 2.0, HEIGHT = 0.6, AMP_1M = 0.05, NOISE_RMS = 0.1 * AMP_1M / Math.sqrt(2);

    /** Feeds chunks along the path; wallDb lowers every chunk as if a wall stood in between. */
    private static SoundSeeking drive(double wallDb) {
        SoundSeeking s = new SoundSeeking();
        SplittableRandom rng = new SplittableRandom(7);
        long t = 0;
        double x = -2, y = 0;
        for (int k = 0; k < 120; k++) {
            if (k < 60) x = -2 + 6.0 * k / 60; else y = 2.5 * (k - 60) / 60.0;
            double r = Math.sqrt((x - SX) * (x - SX) + (y - SY) * (y - SY) + HEIGHT * HEIGHT);
            double amp = AMP_1M / r * Math.pow(10, -wallDb / 20);
            short[] pcm = new short[2 * FRAMES];
            for (int n = 0; n < FRAMES; n++) {
                double ph = 2 * Math.PI * 1000 * (t / 1e9 + n / (double) RATE - r / 343.0);
                for (int c = 0; c < 2; c++) pcm[2 * n + c] = (short) Math.round(32767 * (amp * Math.sin(ph + c * 0.9) + NOISE_RMS * rng.nextGaussian()));
            }
            AudioChunk a = new AudioChunk(new Header(t, "base_link"), RATE, List.of("mic_left", "mic_right"), pcm);
            s.update(Observation.at(t).present(Modality.AUDIO, a).build(), new Pose2D(x, y, 0));
            t += 100_000_000L;
        }
        return s;
    }

    @Test
    void fitsTheSourceFromLevelsAndConfirmsItUpClose() {
        SoundSeeking s = drive(0);
        SoundSeeking.Fit f = s.fit(20_000_000_000L);
        assertNotNull(f);
        double err = Math.hypot(f.x() - SX, f.y() - SY);
        assertTrue(err < 0.5, "fit " + f + " is " + err + " m off");
        // Noise 20 dB below the 1 m level, the tone's bin ~26 dB above the broadband floor.
        double snr1m = s.snrAtOneMetre(f);
        assertTrue(snr1m > 38 && snr1m < 55, "level at 1 m above the floor: " + snr1m);
        assertTrue(s.confirmedAt(new Pose2D(4.0, 2.5, 0), f), "at the end of the path, 1.1 m from the source: " + f);
        assertEquals(4.0, s.loudestAt()[0], 0.3);
    }

    @Test
    void aFitBehindAWallIsNotConfirmed() {
        // 15 dB less everywhere: the same geometry, but the 1 m level sits too close to the noise floor.
        SoundSeeking s = drive(15);
        SoundSeeking.Fit f = s.fit(20_000_000_000L);
        assertNotNull(f);
        assertTrue(s.snrAtOneMetre(f) < SoundSeeking.MIN_SNR_AT_1M_DB, "level at 1 m above the floor: " + s.snrAtOneMetre(f));
        assertFalse(s.confirmedAt(new Pose2D(4.0, 2.5, 0), f));
    }

    @Test
    void frontiersTowardsTheFittedSourceScoreBetter() {
        SoundSeeking.Fit f = drive(0).fit(20_000_000_000L);
        // Two openings at equal path cost, one 1 m from the fit, one 5 m off: 0.7 m of path per metre.
        Frontiers.Frontier near = new Frontiers.Frontier(SX + 1, SY, 10, 3.0, 2.0), far = new Frontiers.Frontier(SX - 5, SY, 10, 3.0, 2.0);
        double gap = FrontierChoice.soundPull(far, f) - FrontierChoice.soundPull(near, f);
        assertEquals(0.7 * 4, gap, 0.7 * 2 * 0.5);
        assertEquals(0, FrontierChoice.soundPull(far, null));
    }

    @Test
    void silenceGivesNoFit() {
        SoundSeeking s = drive(80);
        assertFalse(s.heard());
        assertEquals(null, s.fit(20_000_000_000L));
    }
}
