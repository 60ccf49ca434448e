package dev.umwelt.policy.vla;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.WorldModelConfig;
import dev.umwelt.worldmodel.grid.OccupancyGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The policy on the tiny random model, fed synthetic senses (no simulator): schedule, masking, inputs, limits. */
class VlaPolicyTest {
    static final RobotDescription TURTLE = ModelDirectoryTest.TURTLE;
    static final long T0 = 1_000_000_000L, TICK = 50_000_000L;
    static final Instruction GO = new Instruction(new Header(T0, Frames.BASE_LINK), "please go to the red box",
            Instruction.Source.SCENARIO, 1);

    @TempDir
    Path tmp;

    static LidarScan scan(long t, float range) {
        float[] r = new float[360];
        Arrays.fill(r, range);
        return new LidarScan(new Header(t, Frames.LASER), (float) -Math.PI, (float) (2 * Math.PI / 360), 0, 0.05f, 0.12f, 12f, r, null);
    }

    /** Left half pure red, right half pure blue. */
    static CameraFrame frame(long t) {
        byte[] rgb = new byte[128 * 96 * 3];
        for (int v = 0; v < 96; v++) {
            for (int u = 0; u < 128; u++) {
                int i = 3 * (v * 128 + u);
                if (u < 64) rgb[i] = (byte) 255; else rgb[i + 2] = (byte) 255;
            }
        }
        return new CameraFrame(new Header(t, Frames.CAMERA), 128, 96, rgb);
    }

    static Observation observe(long t, boolean camera) {
        Observation.Builder b = Observation.at(t).present(Modality.LIDAR, scan(t, 2.0f))
                .present(Modality.ODOMETRY, Odometry.of(t, Pose2D.ORIGIN, Twist2D.ZERO));
        if (camera) b.present(Modality.CAMERA, frame(t));
        return b.build();
    }

    static List<ActionChunk> drive(VlaPolicy p, int ticks, boolean camera) {
        p.reset(new EpisodeContext(TURTLE, GO, 1));
        List<ActionChunk> out = new ArrayList<>();
        for (int k = 0; k < ticks; k++) out.add(p.act(observe(T0 + k * TICK, camera), GO));
        return out;
    }

    @Test
    void queriesAtTheManifestRateAndDrivesWithinTheLimits() {
        try (VlaModel m = ModelDirectory.load(TinyModel.dir(), TURTLE)) {
            VlaPolicy p = new VlaPolicy(m);
            assertEquals("vla", p.name());
            assertEquals(Set.of(Modality.LIDAR, Modality.ODOMETRY), p.requiredModalities());
            assertEquals(Set.of(Modality.CAMERA, Modality.LIDAR, Modality.ODOMETRY), p.sensedModalities());
            assertFalse(p.privileged());
            List<ActionChunk> a = drive(p, 40, true);
            assertEquals(10, p.queries(), "2 s of 20 Hz ticks at 5 Hz: one query every 4th tick");
            for (ActionChunk c : a) {
                assertFalse(c.stop(), "the random net's STOP bias (-4) keeps it going");
                assertEquals(TURTLE.controlPeriodNanos(), c.timeStepNanos());
                Twist2D tw = c.actions().get(0);
                assertTrue(Math.abs(tw.linear()) <= 0.8 + 1e-9 && Math.abs(tw.angular()) <= 2.5 + 1e-9, tw.toString());
            }
            assertTrue(a.stream().anyMatch(c -> c.actions().get(0).linear() != 0 || c.actions().get(0).angular() != 0),
                    "it moves");
            assertTrue(p.note().isEmpty(), "nothing masked: " + p.note());
            // Per-instance state only: a second policy on the shared model repeats the first exactly.
            assertEquals(a, drive(new VlaPolicy(m), 40, true));
        }
    }

    @Test
    void anAbsentMaskableSenseIsZerosWithPresenceZeroAndSaysSo() {
        try (VlaModel m = ModelDirectory.load(TinyModel.dir(), TURTLE)) {
            VlaPolicy p = new VlaPolicy(m);
            List<ActionChunk> a = drive(p, 8, false);
            assertEquals("fed zeros for absent camera (NEVER_ARRIVED)", p.note().orElseThrow());
            assertFalse(a.get(7).stop());

            ModelInputs in = new ModelInputs(m.manifest());
            float[] text = m.encoder().encode(GO.text());
            ModelInputs.Instructed go = in.instructed(GO.text(), m.encoder());
            Map<String, float[]> fed = in.build(observe(T0, false), go, null, Pose2D.ORIGIN);
            assertEquals(0f, fed.get("camera_present")[0]);
            for (float x : fed.get("camera")) assertEquals(0f, x);
            assertEquals(1f, fed.get("lidar_present")[0]);
            assertEquals((2.0f - 2.0f) / 2.0f, fed.get("lidar")[0], "(2 m - mean 2) / std 2");
            assertEquals(List.of("camera (NEVER_ARRIVED)", "belief (none kept)"), in.masked());
            assertSame(text, m.encoder().encode(GO.text()), "the instruction was encoded once, then served from the cache");

            fed = in.build(observe(T0, true), go, null, Pose2D.ORIGIN);
            assertEquals(1f, fed.get("camera_present")[0]);
            float[] cam = fed.get("camera"); // [3][48][64], normalised (x - 0.5) / 0.25
            assertEquals(2f, cam[0], "red, left half: (1 - 0.5) / 0.25");
            assertEquals(-2f, cam[63], "red, right half");
            assertEquals(-2f, cam[2 * 48 * 64], "blue, left half");
            assertEquals(2f, cam[2 * 48 * 64 + 63], "blue, right half");
            assertArrayEquals(text, fed.get("instruction"));
        }
    }

    @Test
    void theBeliefCropIsEgoCentricRowsAheadColumnsLeft() {
        try (VlaModel m = ModelDirectory.load(TinyModel.dir(), TURTLE)) {
            WorldModel world = new WorldModel(TURTLE, Pose2D.ORIGIN, WorldModelConfig.DEFAULTS);
            OccupancyGrid g = world.grid();
            // The robot at the origin facing +y: crop cell (row 5, column 15) is ego (1.05, 0.05), map (-0.05, 1.05).
            Pose2D pose = new Pose2D(0, 0, Math.PI / 2);
            g.setLogOdds(g.cellX(-0.05), g.cellY(1.05), OccupancyGrid.L_MAX);
            ModelManifest.Input belief = m.manifest().inputs().get(3);
            float[] x = new float[belief.perItem()];
            assertTrue(new ModelInputs(m.manifest()).belief(world, pose, null, belief, x));
            int plane = 32 * 32;
            for (int c = 0; c < plane; c++) assertEquals(c == 5 * 32 + 15 ? 1f : 0f, x[c], "occupied channel, cell " + c);
            assertEquals(0f, x[2 * plane + 5 * 32 + 15], "that cell is not unknown");
            assertEquals(1f, x[2 * plane], "the rest is unknown");
            assertEquals(1f, x[3 * plane + 16 * 32 + 16], "trail: the start pose, at the crop's centre");
        }
    }

    @Test
    void aVelocityModelsStepsAreUnnormalisedAndRampLimited() {
        Path dir = TinyModel.withManifest(tmp, "velocity", mf -> {
            TinyModel.set(mf, "action.space", "\"velocity\"");
            TinyModel.set(mf, "action.unnormalization.scale", "[10, 10]");
            TinyModel.set(mf, "action.unnormalization.offset", "[0, 0]");
        });
        try (VlaModel m = ModelDirectory.load(dir, TURTLE)) {
            List<ActionChunk> a = drive(new VlaPolicy(m), 20, true);
            double dv = TURTLE.limits().maxLinearAcceleration() * TURTLE.controlPeriodNanos() * 1e-9;
            double last = 0;
            for (ActionChunk c : a) {
                double v = c.actions().get(0).linear();
                assertTrue(Math.abs(v - last) <= dv + 1e-9, "acceleration limit: " + last + " -> " + v);
                assertTrue(Math.abs(v) <= 0.8 + 1e-9);
                last = v;
            }
        }
    }
}
