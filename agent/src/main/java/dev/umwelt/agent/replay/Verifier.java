package dev.umwelt.agent.replay;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.episodes.replay.EpisodeFile;
import dev.umwelt.episodes.replay.EpisodeFile.Timed;
import dev.umwelt.episodes.replay.EpisodeFormat;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.yaml.ScenarioException;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.sim.Simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code replay --verify} for an episode whose policy this build cannot run (one of an application's
 * own, or another model): re-simulates the physics from what its file carries (scenario and robot
 * texts, seed, the commands passed to the base) and checks every tick's ground truth against the
 * recorded one. An episode of a policy it can run is re-run whole instead ({@link Rerun}). No camera: frames never change physics. Ground truth tick 0 is after reset; tick
 * k's command is stepped after ground truth k was recorded (episodes/FORMAT.md).
 */
public final class Verifier {
    /** Yaw travels as a quaternion: exact to ~1e-16, so anything above this is a real difference. */
    public static final double YAW_TOLERANCE = 1e-12;

    /** The first tick whose recorded ground truth differs from the re-simulated one. */
    public record Divergence(long tick, double seconds, Pose2D recorded, Pose2D resimulated) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "tick %d (t=%.3f s): recorded x=%s y=%s yaw=%s, re-simulated x=%s y=%s yaw=%s",
                    tick, seconds, recorded.x(), recorded.y(), recorded.yaw(),
                    resimulated.x(), resimulated.y(), resimulated.yaw());
        }
    }

    /** Ticks compared (ground truth messages checked) and the first divergence, null when identical. */
    public record Result(int ticks, Divergence divergence) {
        public boolean identical() {
            return divergence == null;
        }
    }

    private Verifier() {}

    /** The scenario the episode ran, from the texts embedded in its file. */
    public static Scenario scenario(EpisodeFile file) throws CannotResimulateException {
        String scenarioYaml = file.get(EpisodeFormat.K_SCENARIO_YAML), robotYaml = file.get(EpisodeFormat.K_ROBOT_YAML);
        String name = file.path().getFileName().toString();
        if (scenarioYaml.isBlank() || robotYaml.isBlank()) {
            throw new CannotResimulateException(name + " cannot be re-simulated: its umwelt.episode metadata has no "
                    + (scenarioYaml.isBlank() ? "scenario_yaml" : "robot_yaml") + " (record it again with --record)", null);
        }
        try {
            return ScenarioLoader.parse(scenarioYaml, Path.of(file.get(EpisodeFormat.K_SCENARIO_NAME) + ".yaml"), robotYaml);
        } catch (ScenarioException e) {
            throw new CannotResimulateException(name + " cannot be re-simulated: its embedded scenario does not load: "
                    + e.getMessage(), e);
        }
    }

    /** The seed the episode ran with. */
    static long seed(EpisodeFile file) throws CannotResimulateException {
        try {
            return Long.parseLong(file.get(EpisodeFormat.K_SEED));
        } catch (NumberFormatException e) {
            throw new CannotResimulateException(file.path().getFileName() + " cannot be re-simulated: its seed '"
                    + file.get(EpisodeFormat.K_SEED) + "' is not a decimal number", e);
        }
    }

    /** Every tick's recorded ground truth, in order; refused when there is none to compare. */
    static List<Timed<Odometry>> groundTruth(EpisodeFile file) throws IOException, CannotResimulateException {
        List<Timed<Odometry>> truth = file.messages(EpisodeFormat.GROUND_TRUTH, Odometry.class);
        if (truth.isEmpty()) {
            throw new CannotResimulateException(file.path().getFileName() + " has no " + EpisodeFormat.GROUND_TRUTH
                    + " messages: nothing to compare", null);
        }
        return truth;
    }

    public static Result verify(EpisodeFile file) throws IOException, CannotResimulateException {
        Scenario scenario = scenario(file);
        long seed = seed(file);
        List<Timed<Odometry>> truth = groundTruth(file);
        List<Timed<VelocityCommand>> commands = file.messages(EpisodeFormat.COMMAND, VelocityCommand.class);
        try (Simulator sim = new Simulator(scenario, null)) {
            Pose2D actual = sim.reset(seed).groundTruth();
            for (int k = 0; k < truth.size(); k++) {
                if (k > 0) {
                    if (k - 1 >= commands.size()) return new Result(k, null); // recording ended before this tick's command
                    actual = sim.step(commands.get(k - 1).value()).groundTruth();
                }
                Pose2D recorded = truth.get(k).value().pose();
                if (!same(recorded, actual)) return new Result(k + 1, new Divergence(k,
                        (truth.get(k).logTime() - truth.get(0).logTime()) / 1e9, recorded, actual));
            }
            return new Result(truth.size(), null);
        }
    }

    static boolean same(Pose2D recorded, Pose2D actual) {
        double dyaw = Math.abs(Math.IEEEremainder(recorded.yaw() - actual.yaw(), 2 * Math.PI));
        return Double.compare(recorded.x(), actual.x()) == 0 && Double.compare(recorded.y(), actual.y()) == 0
                && dyaw <= YAW_TOLERANCE;
    }
}
