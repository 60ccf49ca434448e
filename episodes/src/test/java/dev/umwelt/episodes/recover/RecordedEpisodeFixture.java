package dev.umwelt.episodes.recover;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.episodes.record.EpisodeInfo;
import dev.umwelt.episodes.record.EpisodeRecorder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test scaffolding: an episode written by the production {@link EpisodeRecorder} (the recorder the
 * runner uses, production MCAP options, a chunk per second of sim time) from made-up but
 * run-shaped readings: 10 Hz control ticks with a lidar scan, ground truth, /tf, an action chunk
 * and a command each; 50 Hz odometry; a small camera frame at 2 Hz; start, collision and end
 * events. Seeded, so the bytes are the same on every run.
 */
final class RecordedEpisodeFixture {
    static final long TICK_NS = 100_000_000L, ODOM_NS = 20_000_000L, CAMERA_NS = 500_000_000L;

    static void write(Path file, int seconds, long seed) throws IOException {
        Random rnd = new Random(seed);
        EpisodeInfo info = new EpisodeInfo("corridor-fixture", "pointnav", seed, "explorer", "",
                "name: corridor-fixture\nworld: {size: [12, 4]}\n", "radius: 0.18\n", "turtle", TICK_NS, 100.0);
        try (EpisodeRecorder r = EpisodeRecorder.create(file, info)) {
            long t0 = Clock.SIM_EPOCH_NANOS;
            r.instruction(new Instruction(new Header(t0, Frames.BASE_LINK), "go to the end of the corridor",
                    Instruction.Source.SCENARIO, 1.0));
            r.event(new EpisodeEvent(new Header(t0, Frames.BASE_LINK), EpisodeEvent.Kind.EPISODE_STARTED, "runner", ""));
            Pose2D start = new Pose2D(1, 2, 0);
            long ticks = seconds * 1_000_000_000L / TICK_NS;
            for (long k = 0; k <= ticks; k++) {
                long t = t0 + k * TICK_NS;
                Pose2D truth = new Pose2D(1 + 0.03 * k, 2 + 0.2 * Math.sin(k * 0.05), 0.1 * Math.sin(k * 0.03));
                for (long o = t - TICK_NS + ODOM_NS; k > 0 && o <= t; o += ODOM_NS) {
                    r.reading(new Odometry(new Header(o, Frames.ODOM), Frames.BASE_LINK,
                            new Pose2D(truth.x() - 1 + rnd.nextGaussian() * 1e-3, truth.y() - 2, truth.yaw()), new Twist2D(0.3, 0.01)));
                }
                r.reading(scan(t, truth, rnd));
                if ((t - t0) % CAMERA_NS == 0) r.reading(frame(t, rnd));
                r.tick(t, truth, k == 0 ? null : new Pose2D(truth.x() - 1, truth.y() - 2, truth.yaw()), start);
                Twist2D cmd = new Twist2D(0.3, 0.2 * Math.sin(k * 0.05));
                r.action(new ActionChunk(new Header(t, Frames.BASE_LINK), TICK_NS, List.of(cmd, cmd), false, Map.of()));
                r.command(VelocityCommand.of(t, cmd, 500_000_000L));
                if (k == ticks / 2) {
                    r.event(new EpisodeEvent(new Header(t, Frames.BASE_LINK), EpisodeEvent.Kind.COLLISION_BEGAN, "sim", "wall"));
                }
            }
            long end = t0 + ticks * TICK_NS;
            r.event(new EpisodeEvent(new Header(end, Frames.BASE_LINK), EpisodeEvent.Kind.EPISODE_ENDED, "runner", "stop"));
            r.finish(Map.of("success", true, "collisions", 1, "endReason", "stop"));
        }
    }

    /** 180 beams of a 4 m wide corridor seen from {@code truth}, with range noise. */
    private static LidarScan scan(long t, Pose2D truth, Random rnd) {
        float[] ranges = new float[180];
        for (int i = 0; i < ranges.length; i++) {
            double a = truth.yaw() - Math.PI + i * 2 * Math.PI / ranges.length;
            double s = Math.sin(a);
            double wall = Math.abs(s) < 1e-3 ? 12 : (s > 0 ? 4 - truth.y() : truth.y()) / Math.abs(s);
            ranges[i] = (float) Math.min(12, wall + rnd.nextGaussian() * 0.01);
        }
        return new LidarScan(new Header(t, Frames.LASER), (float) -Math.PI, (float) (2 * Math.PI / 180), 0, 0.1f,
                0.12f, 12f, ranges, null);
    }

    /** A 24x16 frame: a floor-and-wall gradient with pixel noise. */
    private static CameraFrame frame(long t, Random rnd) {
        int w = 24, h = 16;
        byte[] rgb = new byte[3 * w * h];
        for (int i = 0; i < w * h; i++) {
            int shade = (i / w) * 8 + rnd.nextInt(6);
            rgb[3 * i] = (byte) shade;
            rgb[3 * i + 1] = (byte) (shade + 20);
            rgb[3 * i + 2] = (byte) (200 - shade);
        }
        return new CameraFrame(new Header(t, Frames.CAMERA), w, h, rgb);
    }

    private RecordedEpisodeFixture() {}
}
