package dev.umwelt.episodes.replay;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.ros1.Ros1Codec;
import dev.umwelt.bus.ros1.Ros1Codecs;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.episodes.mcap.McapRecord.Metadata;
import dev.umwelt.episodes.mcap.McapWriteOptions;
import dev.umwelt.episodes.mcap.McapWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test scaffolding: an episode file laid out as FORMAT.md says (metadata first, ground truth and
 * commands per 50 ms tick, production options so chunks close every simulated second), with
 * made-up poses. Not a recorder: no simulator behind it.
 */
final class SyntheticEpisode {
    static final long TICK_NS = 50_000_000L;

    static Map<String, String> episodeMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(EpisodeFormat.K_FORMAT, EpisodeFormat.FORMAT);
        m.put(EpisodeFormat.K_VERSION, "test");
        m.put(EpisodeFormat.K_SCENARIO_NAME, "synthetic");
        m.put(EpisodeFormat.K_SEED, "7");
        m.put(EpisodeFormat.K_POLICY, "scripted");
        return m;
    }

    static Pose2D pose(int tick) {
        return new Pose2D(tick * 0.01, Math.sin(tick * 0.1), Math.toRadians(tick % 360) - 1);
    }

    static long stamp(int tick) {
        return Clock.SIM_EPOCH_NANOS + tick * TICK_NS;
    }

    /** {@code ticks} ticks of ground truth and commands; the result metadata when {@code completed}. */
    static void write(Path file, int ticks, boolean completed) throws IOException {
        Ros1Codec<Odometry> odom = Ros1Codecs.forClass(Odometry.class);
        Ros1Codec<VelocityCommand> cmd = Ros1Codecs.forClass(VelocityCommand.class);
        try (McapWriter w = McapWriter.create(file, McapWriteOptions.production())) {
            w.writeMetadata(new Metadata(EpisodeFormat.EPISODE_METADATA, episodeMetadata()));
            int gt = w.addChannel(w.addSchema(odom.type(), "ros1msg", odom.definition().getBytes(StandardCharsets.UTF_8)),
                    EpisodeFormat.GROUND_TRUTH, "ros1", Map.of());
            int cv = w.addChannel(w.addSchema(cmd.type(), "ros1msg", cmd.definition().getBytes(StandardCharsets.UTF_8)),
                    EpisodeFormat.COMMAND, "ros1", Map.of());
            for (int k = 0; k < ticks; k++) {
                long t = stamp(k);
                byte[] g = odom.encode(new Odometry(new Header(t, Frames.MAP), Frames.BASE_LINK, pose(k), new Twist2D(0, 0)));
                w.writeMessage(gt, k, t, t, g, 0, g.length);
                byte[] c = cmd.encode(VelocityCommand.of(t, new Twist2D(0.2, 0.1 * (k % 5)), 500_000_000L));
                w.writeMessage(cv, k, t, t, c, 0, c.length);
            }
            if (completed) w.writeMetadata(new Metadata(EpisodeFormat.RESULT_METADATA, Map.of("outcome", "SUCCESS")));
        }
    }

    private SyntheticEpisode() {}
}
