package dev.umwelt.agent.cli;

import dev.umwelt.agent.replay.CannotResimulateException;
import dev.umwelt.agent.replay.ReplayPlayer;
import dev.umwelt.agent.replay.BusReplay;
import dev.umwelt.agent.replay.Rerun;
import dev.umwelt.agent.replay.Verifier;
import dev.umwelt.agent.Policies;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.policy.Policy;
import dev.umwelt.bus.Addresses;
import dev.umwelt.bus.codec.BusCodecs;
import io.vertx.core.Vertx;
import dev.umwelt.agent.view.ViewerFeed;
import dev.umwelt.agent.view.ViewerUnavailableException;
import dev.umwelt.agent.view.ViewerWindow;
import dev.umwelt.episodes.replay.DamagedEpisodeException;
import dev.umwelt.episodes.replay.EpisodeFile;
import dev.umwelt.episodes.replay.EpisodeFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Reads an episode file (MCAP, recorded with --record): prints its summary and plays it onto the event",
                "bus (each message at its robot address, paced by --speed or --max), or into the viewer (--view),",
                "or runs it again and checks that every tick is identical (--verify): the whole control tick (faults,",
                "observation, belief, policy, safety chain) when this build knows the episode's policy, else the physics",
                "from the recorded commands (or with --physics-only).",
                "Exit codes: 0 done (verify: identical), 1 verify found a divergent tick, 2 damaged or unusable file."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The episode file (.mcap).")
    Path file;

    @Option(names = "--verify", description = "Run the episode again from its embedded scenario, seed, faults and policy; "
            + "compare every tick's ground truth and command.")
    boolean verify;

    @Option(names = "--physics-only", description = "With --verify: re-simulate the physics from the recorded commands only.")
    boolean physicsOnly;

    @picocli.CommandLine.Mixin
    ModelOptions models = new ModelOptions();

    @Option(names = "--view", description = "Play ground truth, scans and camera frames into the viewer window.")
    boolean view;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1.0",
            description = "Recorded seconds per wall-clock second, in [0.01, 1000] (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--max", description = "Play as fast as possible.")
    boolean max;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (Files.isDirectory(file)) throw new BadInputException(file + " is a folder: pass an episode file (.mcap)");
        if (!Files.isRegularFile(file)) throw new BadInputException(file + ": no such episode file");
        FlagBounds.speed("--speed", speed);
        if (max && speed != 1.0) throw new BadInputException("--speed and --max exclude each other: pick one");
        if ((max || speed != 1.0) && verify) throw new BadInputException("--verify re-simulates; --speed and --max pace a replay");
        if (physicsOnly && !verify) throw new BadInputException("--physics-only goes with --verify");
        if (verify && view) throw new BadInputException("--verify and --view exclude each other: run them one after the other");
        EpisodeFile episode;
        try {
            episode = EpisodeFile.open(file);
        } catch (DamagedEpisodeException e) {
            err.println(e.getMessage());
            return Umwelt.EXIT_BAD_INPUT;
        } catch (java.io.IOException e) {
            err.println(file + " cannot be read: " + e.getMessage());
            return Umwelt.EXIT_BAD_INPUT;
        }
        try {
            return verify ? verify(episode, out) : summaryAndView(episode, out);
        } catch (CannotResimulateException | DamagedEpisodeException e) {
            err.println(e.getMessage());
            return Umwelt.EXIT_BAD_INPUT;
        }
    }

    private int verify(EpisodeFile episode, PrintWriter out) throws Exception {
        String policy = episode.get(EpisodeFormat.K_POLICY);
        if (physicsOnly || !Policies.exists(policy)) {
            if (!physicsOnly) {
                spec.commandLine().getErr().println("policy '" + policy + "' is not one this build runs: re-simulating the physics"
                        + " from the recorded commands");
            }
            Verifier.Result r = Verifier.verify(episode);
            return report(out, r.ticks(), r.identical() ? null : r.divergence().toString(), "");
        }
        var ran = Rerun.spec(episode);
        Policy p = models.makers(List.of(policy), List.of(ran.scenario().robot())).get(policy).get();
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            Rerun.Result r = Rerun.verify(episode, p, runner);
            return report(out, r.ticks(), r.divergence(), " (re-run through the control tick, policy " + policy + ")");
        }
    }

    private static int report(PrintWriter out, int ticks, String divergence, String how) {
        if (divergence == null) {
            out.printf(Locale.ROOT, "verified %d ticks: identical%s%n", ticks, how);
            return Umwelt.EXIT_OK;
        }
        out.println("diverged at " + divergence + " (" + Math.max(0, ticks - 1) + " ticks identical before it)" + how);
        return Umwelt.EXIT_CRASH;
    }

    /** Plays the episode onto a local event bus at robot r1's addresses and says what went where. */
    private int playOntoBus(EpisodeFile episode, PrintWriter out) throws Exception {
        Vertx vertx = Vertx.vertx();
        vertx.exceptionHandler(ProcessGuard.onLoops());
        try {
            BusCodecs.register(vertx);
            Map<String, Long> counts = BusReplay.play(vertx, episode, Addresses.of("r1"),
                    max ? Double.POSITIVE_INFINITY : speed).toCompletionStage().toCompletableFuture().get();
            out.println("  played onto the bus");
            counts.forEach((address, n) -> out.printf(Locale.ROOT, "    %-32s %d%n", address, n));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
        return Umwelt.EXIT_OK;
    }

    private int summaryAndView(EpisodeFile episode, PrintWriter out) throws Exception {
        out.println(file.getFileName() + ":");
        out.printf(Locale.ROOT, "  scenario  %s (%s)%n", episode.get(EpisodeFormat.K_SCENARIO_NAME), episode.get(EpisodeFormat.K_TASK));
        out.printf(Locale.ROOT, "  seed      %s%n", episode.get(EpisodeFormat.K_SEED));
        String hash = episode.get(EpisodeFormat.K_MODEL_HASH);
        out.printf(Locale.ROOT, "  policy    %s%s%n", episode.get(EpisodeFormat.K_POLICY), hash.isEmpty() ? "" : " (model " + hash + ")");
        out.printf(Locale.ROOT, "  duration  %.2f s%n", (episode.lastLogTime() - episode.firstLogTime()) / 1e9);
        out.println("  topics");
        for (EpisodeFile.Topic t : episode.topics()) out.printf(Locale.ROOT, "    %-22s %-30s %d%n", t.topic(), t.type(), t.messages());
        if (episode.result().isPresent()) {
            out.println("  result");
            for (Map.Entry<String, String> e : new TreeMap<>(episode.result().get()).entrySet()) {
                out.printf(Locale.ROOT, "    %-22s %s%n", e.getKey(), e.getValue());
            }
        } else {
            out.println("  result    none: the episode did not complete (killed or crashed while recording)");
        }
        out.flush();
        if (!view) return playOntoBus(episode, out);
        ViewerFeed feed = new ViewerFeed(Verifier.scenario(episode));
        ViewerWindow window;
        try {
            window = ViewerWindow.open(feed);
        } catch (ViewerUnavailableException e) {
            throw new BadInputException(e.getMessage());
        }
        try (window) {
            int played = ReplayPlayer.play(episode, feed, max ? Double.POSITIVE_INFINITY : speed);
            out.printf(Locale.ROOT, "played %d ticks%n", played);
        }
        return Umwelt.EXIT_OK;
    }
}
