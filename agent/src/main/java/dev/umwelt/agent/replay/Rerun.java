package dev.umwelt.agent.replay;

import dev.umwelt.agent.episode.EpisodeObserver;
import dev.umwelt.agent.episode.EpisodeResult;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.fault.Fault;
import dev.umwelt.bus.fault.FaultSpec;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.episodes.replay.EpisodeFile;
import dev.umwelt.episodes.replay.EpisodeFormat;
import dev.umwelt.episodes.replay.EpisodeFile.Timed;
import dev.umwelt.policy.Policy;
import dev.umwelt.scenarios.Scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code replay --verify} for an episode of a policy this build can run: the whole episode again,
 * through the same {@code SimulationLoop} and {@code ControlTick} as {@code run} (faults, observation,
 * belief, policy, safety chain), from what the file carries (scenario and robot texts, seed, faults,
 * shield). Every tick's ground truth and every command passed to the base must be bit-identical to
 * the recorded ones: the policy's decisions are checked, not only the physics.
 */
public final class Rerun {
    /** Ticks compared and the first difference, in words; null when identical. */
    public record Result(int ticks, String divergence) {
        public boolean identical() {
            return divergence == null;
        }
    }

    private Rerun() {}

    /** The episode's spec as it ran: its scenario with the recorded faults, seed, shield, camera on (rendered only for a policy that reads it). */
    public static EpisodeSpec spec(EpisodeFile file) throws CannotResimulateException {
        Scenario scenario = Verifier.scenario(file);
        List<Fault> faults = new ArrayList<>();
        for (String line : file.get(EpisodeFormat.K_FAULTS).split("\n")) {
            if (line.isBlank()) continue;
            try {
                faults.add(FaultSpec.parse(line));
            } catch (IllegalArgumentException e) {
                throw new CannotResimulateException(file.path().getFileName() + " cannot be re-run: its recorded fault '" + line
                        + "' does not parse: " + e.getMessage(), e);
            }
        }
        long seed = Verifier.seed(file);
        boolean shield = !"false".equals(file.get(EpisodeFormat.K_SHIELD));
        return EpisodeSpec.of(scenario.withFaults(faults), file.get(EpisodeFormat.K_POLICY)).withSeed(seed).withShield(shield);
    }

    /** Runs the episode again with {@code policy} on {@code runner} and compares it with the file. */
    public static Result verify(EpisodeFile file, Policy policy, EpisodeRunner runner) throws IOException, CannotResimulateException {
        EpisodeSpec spec = spec(file);
        List<Timed<Odometry>> truth = Verifier.groundTruth(file);
        List<Timed<VelocityCommand>> recorded = file.messages(EpisodeFormat.COMMAND, VelocityCommand.class);
        List<VelocityCommand> commands = new ArrayList<>();
        EpisodeObserver commandsOf = new EpisodeObserver() {
            @Override
            public void onTick(TickReadings tick, VelocityCommand command) {}

            @Override
            public void onCommand(VelocityCommand command) {
                commands.add(command);
            }

            @Override
            public boolean stopRequested() {
                return false;
            }
        };
        EpisodeResult again = runner.run(spec, policy, null, commandsOf);
        List<Pose2D> poses = again.trajectory();
        for (int k = 0; k < truth.size(); k++) {
            double seconds = (truth.get(k).logTime() - truth.get(0).logTime()) / 1e9;
            if (k >= poses.size()) {
                return new Result(k, String.format(Locale.ROOT, "tick %d (t=%.3f s): the re-run ended before it (%s at tick %d)",
                        k, seconds, again.metrics().endReason(), poses.size() - 1));
            }
            Pose2D p = truth.get(k).value().pose();
            if (!Verifier.same(p, poses.get(k))) {
                return new Result(k, new Verifier.Divergence(k, seconds, p, poses.get(k)).toString());
            }
            if (k < recorded.size()) {
                Twist2D was = recorded.get(k).value().twist();
                Twist2D now = k < commands.size() ? commands.get(k).twist() : null;
                if (now == null || Double.compare(was.linear(), now.linear()) != 0 || Double.compare(was.angular(), now.angular()) != 0) {
                    return new Result(k, String.format(Locale.ROOT, "tick %d (t=%.3f s): recorded command v=%s w=%s, re-run %s",
                            k, seconds, was.linear(), was.angular(),
                            now == null ? "none (" + again.metrics().endReason() + ")" : "v=" + now.linear() + " w=" + now.angular()));
                }
            }
        }
        return new Result(truth.size(), null);
    }
}
