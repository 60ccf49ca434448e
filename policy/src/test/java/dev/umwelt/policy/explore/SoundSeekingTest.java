package dev.umwelt.policy.explore;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.worldmodel.sound.ToneLevel;
import dev.umwelt.worldmodel.sound.ToneMap;
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
        double[][] path = new double[120][];
        for (int k = 0; k < 120; k++) path[k] = k < 60 ? new double[] {-2 + 6.0 * k / 60, 0} : new double[] {4, 2.5 * (k - 60) / 60.0};
        return hear(path, SX, SY, HEIGHT, wallDb);
    }

    /** Chunks heard at the path's points (0.1 s apart) from a source at (sx, sy), height above the microphones. */
    private static SoundSeeking hear(double[][] path, double sx, double sy, double height, double wallDb) {
        ToneMap tones = new ToneMap(ToneMap.Settings.DEFAULTS);
        ToneLevel level = new ToneLevel();
        SplittableRandom rng = new SplittableRandom(7);
        long t = 0;
        for (double[] p : path) {
            double x = p[0], y = p[1];
            double r = Math.sqrt((x - sx) * (x - sx) + (y - sy) * (y - sy) + height * height);
            double amp = AMP_1M / r * Math.pow(10, -wallDb / 20);
            short[] pcm = new short[2 * FRAMES];
            for (int n = 0; n < FRAMES; n++) {
                double ph = 2 * Math.PI * 1000 * (t / 1e9 + n / (double) RATE - r / 343.0);
                for (int c = 0; c < 2; c++) pcm[2 * n + c] = (short) Math.round(32767 * (amp * Math.sin(ph + c * 0.9) + NOISE_RMS * rng.nextGaussian()));
            }
            AudioChunk a = new AudioChunk(new Header(t, "base_link"), RATE, List.of("mic_left", "mic_right"), pcm);
            // As the world model hears each chunk: one analysis, into its tone map.
            level.measure(a);
            tones.observe(level.level(), level.snrDb(), new Pose2D(x, y, 0), t);
            t += 100_000_000L;
        }
        return new SoundSeeking(tones);
    }

    @Test
    void fitsTheSourceFromLevelsAndConfirmsItUpClose() {
        SoundSeeking s = drive(0);
        ToneMap.Fit f = s.fit(20_000_000_000L);
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
        ToneMap.Fit f = s.fit(20_000_000_000L);
        assertNotNull(f);
        assertTrue(s.snrAtOneMetre(f) < ExplorerConfig.DEFAULTS.minSnrAtOneMetre(), "level at 1 m above the floor: " + s.snrAtOneMetre(f));
        assertFalse(s.confirmedAt(new Pose2D(4.0, 2.5, 0), f));
    }

    @Test
    void frontiersTowardsTheFittedSourceScoreBetter() {
        ToneMap.Fit f = drive(0).fit(20_000_000_000L);
        // Two openings at equal path cost, one 1 m from the fit, one 5 m off: 0.7 m of path per metre.
        FrontierChoice c = new FrontierChoice(ExplorerConfig.DEFAULTS);
        double gap = c.soundPull(SX - 5, SY, f) - c.soundPull(SX + 1, SY, f);
        assertEquals(0.7 * 4, gap, 0.7 * 2 * 0.5);
        assertEquals(0, c.soundPull(SX - 5, SY, null));
    }

    /** Up to a point 1.5 m short of (cx, cy), then once round it at 0.9 m (the explorer's orbit). */
    private static double[][] approachAndCircle(double cx, double cy) {
        double[][] path = new double[150][];
        for (int k = 0; k < 60; k++) path[k] = new double[] {cx - 4 + 2.5 * k / 60, cy};
        for (int k = 0; k < 90; k++) {
            double a = Math.PI + 2 * Math.PI * k / 90;
            path[60 + k] = new double[] {cx + 0.9 * Math.cos(a), cy + 0.9 * Math.sin(a)};
        }
        return path;
    }

    @Test
    void aHighSourceHeardFromAllRoundIsConfirmedThoughItsRangesSpanLittle() {
        // 1.0 m above the microphones: never nearer than that, so the in-sight ranges cannot span 2.5x;
        // heard from all round it, the source can only be in the middle.
        SoundSeeking s = hear(approachAndCircle(SX, SY), SX, SY, 1.0, 0);
        ToneMap.Fit f = s.fit(20_000_000_000L);
        assertNotNull(f);
        assertTrue(Math.hypot(f.x() - SX, f.y() - SY) < 0.3, "fit " + f);
        assertTrue(f.enclosed(ExplorerConfig.DEFAULTS.enclosedGap()) && f.unrivalled(ExplorerConfig.DEFAULTS.rivalRatio(), ExplorerConfig.DEFAULTS.rivalMargin()), "fit " + f);
        assertTrue(s.confirmedAt(new Pose2D(SX - 0.9, SY, 0), f), "0.9 m from the source: " + f);
    }

    @Test
    void levelsHeardAllRoundAPlaceFarFromTheSourcePutItWhereItIs() {
        // Circling 4 m short of the source: the levels fall off from one side to the other, so the
        // fit is not the place circled (the enclosure test alone would trust such a fit).
        double[][] circle = java.util.Arrays.copyOfRange(approachAndCircle(SX, SY), 60, 150);
        ToneMap.Fit f = hear(circle, SX + 4, SY, 0.6, 0).fit(20_000_000_000L);
        assertNotNull(f);
        assertTrue(Math.hypot(f.x() - SX - 4, f.y() - SY) < 0.5, "fit " + f);
    }

    @Test
    void aFitWithARivalFarOffIsNotTrusted() {
        // Costs from val episodes: levels heard through a wall, fitted overhead 5.4 m from the
        // source (a rival 1.5 m away costs 1.21 against 1.10), and a true source 1 m up (2.13 against 0.20).
        assertFalse(fit(1.10, 1.21).unrivalled(ExplorerConfig.DEFAULTS.rivalRatio(), ExplorerConfig.DEFAULTS.rivalMargin()));
        assertTrue(fit(0.20, 2.13).unrivalled(ExplorerConfig.DEFAULTS.rivalRatio(), ExplorerConfig.DEFAULTS.rivalMargin()));
        // Both conditions: 3x and 0.3 apart (tiny costs differ by noise alone).
        assertFalse(fit(0.05, 0.30).unrivalled(ExplorerConfig.DEFAULTS.rivalRatio(), ExplorerConfig.DEFAULTS.rivalMargin()));
        assertFalse(fit(0.50, 1.40).unrivalled(ExplorerConfig.DEFAULTS.rivalRatio(), ExplorerConfig.DEFAULTS.rivalMargin()));
        assertTrue(fit(0.50, 1.60).unrivalled(ExplorerConfig.DEFAULTS.rivalRatio(), ExplorerConfig.DEFAULTS.rivalMargin()));
    }

    private static ToneMap.Fit fit(double cost, double rival) {
        return new ToneMap.Fit(0, 0, 1.2, -50, 20, 20, 1.2, 2.0, cost, 1.0, rival);
    }

    @Test
    void orbitPointsStayOnTheRobotsSideOfAWall() {
        SoundSeeking s = drive(0);
        ToneMap.Fit f = s.fit(20_000_000_000L);
        // A wall along y = f.y - 0.5: the robot below it sees nothing of the fit, so it does not circle.
        double wall = f.y() - 0.5;
        SoundSeeking.Sight sight = (x0, y0, x1, y1) -> (y0 - wall) * (y1 - wall) > 0;
        assertEquals(null, s.orbit(new Pose2D(f.x(), f.y() - 1.0, 0), f, 0, sight));
        // Above it, every point offered lies above the wall too.
        for (int k = 0; k < 8; k++) {
            double a = 2 * Math.PI * k / 8;
            double[] o = s.orbit(new Pose2D(f.x() + 1.0 * Math.cos(a), Math.max(wall + 0.05, f.y() + 1.0 * Math.sin(a)), 0), f, k, sight);
            if (o != null) assertTrue(o[1] > wall, "orbit point " + o[0] + ", " + o[1] + " is beyond the wall at y = " + wall);
        }
    }

    @Test
    void silenceGivesNoFit() {
        SoundSeeking s = drive(80);
        assertFalse(s.heard());
        assertEquals(null, s.fit(20_000_000_000L));
    }
}
