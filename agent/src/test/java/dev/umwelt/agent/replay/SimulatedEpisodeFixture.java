package dev.umwelt.agent.replay;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.ros1.Ros1Codec;
import dev.umwelt.bus.ros1.Ros1Codecs;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.episodes.mcap.McapRecord.Metadata;
import dev.umwelt.episodes.mcap.McapWriteOptions;
import dev.umwelt.episodes.mcap.McapWriter;
import dev.umwelt.episodes.replay.EpisodeFormat;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.sim.Simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Test scaffolding, not a recorder: runs a catalog scenario in the real Simulator (no camera) with
 * scripted commands and writes the parts of an episode file that {@code replay --verify} reads,
 * laid out exactly as episodes/FORMAT.md says (metadata first; per tick ground truth, then the
 * command passed at that tick, stamped with the tick's time).
 */
public final class SimulatedEpisodeFixture {
    public static final Path CATALOG = Path.of("..", "scenarios", "catalog");

    /** The command passed at tick k: a gentle weave, so that x, y and yaw all change. */
    public static Twist2D scripted(int k) {
        return new Twist2D(0.3, 0.6 * Math.sin(k * 0.07));
    }

    /**
     * Runs {@code ticks} commands of {@code scenarioFile} (catalog name) with {@code seed}; {@code recorded}
     * may alter what is WRITTEN for a tick's command (the simulation always runs the scripted one).
     */
    public static void write(Path out, String scenarioFile, long seed, int ticks, IntFunction<Twist2D> recorded,
                             String scenarioYamlOverride) throws IOException {
        String scenarioYaml = Files.readString(CATALOG.resolve(scenarioFile));
        String robotYaml = Files.readString(CATALOG.resolve("robots/turtle.yaml"));
        Scenario scenario = ScenarioLoader.load(CATALOG.resolve(scenarioFile));
        Ros1Codec<Odometry> odom = Ros1Codecs.forClass(Odometry.class);
        Ros1Codec<VelocityCommand> cmd = Ros1Codecs.forClass(VelocityCommand.class);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(EpisodeFormat.K_FORMAT, EpisodeFormat.FORMAT);
        meta.put(EpisodeFormat.K_VERSION, "test");
        meta.put(EpisodeFormat.K_SCENARIO_NAME, scenario.name());
        meta.put(EpisodeFormat.K_TASK, "pointnav");
        meta.put(EpisodeFormat.K_SEED, Long.toString(seed));
        meta.put(EpisodeFormat.K_POLICY, "scripted");
        meta.put(EpisodeFormat.K_MODEL_HASH, "");
        meta.put(EpisodeFormat.K_SCENARIO_YAML, scenarioYamlOverride != null ? scenarioYamlOverride : scenarioYaml);
        meta.put(EpisodeFormat.K_ROBOT_YAML, robotYaml);
        meta.put(EpisodeFormat.K_ROBOT_REF, scenario.robotRef());
        meta.put(EpisodeFormat.K_CONTROL_PERIOD_NS, Long.toString(Math.round(1e9 / scenario.robot().controlRateHz())));
        meta.put(EpisodeFormat.K_PHYSICS_RATE_HZ, Double.toString(scenario.physicsRateHz()));
        long timeout = scenario.robot().commandTimeoutNanos();
        try (McapWriter w = McapWriter.create(out, McapWriteOptions.production());
             Simulator sim = new Simulator(scenario, null)) {
            w.writeMetadata(new Metadata(EpisodeFormat.EPISODE_METADATA, meta));
            int gt = w.addChannel(w.addSchema(odom.type(), "ros1msg", odom.definition().getBytes(StandardCharsets.UTF_8)),
                    EpisodeFormat.GROUND_TRUTH, "ros1", Map.of());
            int cv = w.addChannel(w.addSchema(cmd.type(), "ros1msg", cmd.definition().getBytes(StandardCharsets.UTF_8)),
                    EpisodeFormat.COMMAND, "ros1", Map.of());
            TickReadings tick = sim.reset(seed);
            for (int k = 0; ; k++) {
                long t = tick.stampNanos();
                byte[] g = odom.encode(new Odometry(new Header(t, Frames.MAP), Frames.BASE_LINK, tick.groundTruth(), new Twist2D(0, 0)));
                w.writeMessage(gt, k, t, t, g, 0, g.length);
                if (k == ticks) break;
                byte[] c = cmd.encode(VelocityCommand.of(t, recorded.apply(k), timeout));
                w.writeMessage(cv, k, t, t, c, 0, c.length);
                tick = sim.step(VelocityCommand.of(t, scripted(k), timeout));
            }
        }
    }

    private SimulatedEpisodeFixture() {}
}
