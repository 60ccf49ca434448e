package dev.umwelt.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umwelt.agent.Policies;
import dev.umwelt.agent.episode.EpisodeResult;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.ControlTick;
import dev.umwelt.agent.episode.EpisodeObserver;
import dev.umwelt.agent.episode.EpisodeRecording;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.agent.view.ViewerWindow;
import dev.umwelt.agent.pictures.RunPictures;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.policy.Policy;
import dev.umwelt.scenarios.metrics.EpisodeMetrics;
import me.tongfei.progressbar.ProgressBar;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** Runs an episode with a progress bar on an interactive terminal and prints its metrics. */
final class EpisodeConsole {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EpisodeConsole() {}

    /**
     * Runs the episode, prints its report (a table, or one JSON object), then writes the run's pictures into {@code pictures} (null: none) and names the
     * directory: on the output, or on the error stream with {@code --json} so that the output
     * stays one JSON object.
     */
    static int runAndReport(PrintWriter out, PrintWriter err, EpisodeSpec spec, boolean json, boolean events,
                            Path pictures) {
        return runAndReport(out, err, spec, Policies.create(spec.policy()), json, events, pictures, null, null);
    }

    /**
     * With the episode recorded into {@code episode} (null: not recorded) and a viewer window already
     * open (null: none), closed when the episode ends. The episode file is closed whatever happens,
     * with the result when the episode completed. {@code policy}: the instance that drives ({@code spec.policy()} names it).
     */
    static int runAndReport(PrintWriter out, PrintWriter err, EpisodeSpec spec, Policy policy, boolean json, boolean events,
                            Path pictures, Path episode, ViewerWindow viewer) {
        try (Interrupts.Scope interrupts = Interrupts.enter()) {
            return interrupts.exitCode(runAndReport(out, err, spec, policy, json, events, pictures, episode, viewer, interrupts));
        }
    }

    /** SIGINT or SIGTERM ends the episode at its next tick; everything below then happens as for any end. */
    private static int runAndReport(PrintWriter out, PrintWriter err, EpisodeSpec spec, Policy policy, boolean json,
                                    boolean events, Path pictures, Path episode, ViewerWindow viewer,
                                    Interrupts.Scope interrupts) {
        EpisodeResult result = null;
        EpisodeRecording recording = episode == null ? null : EpisodeRecording.open(episode, spec, w -> {
            err.println(w);
            err.flush();
        });
        // Should the episode not end in time after a signal, the file is still closed (without a result).
        if (recording != null) interrupts.lastResort(() -> recording.complete(null));
        boolean recorded;
        PipelineSeen pipeline = new PipelineSeen();
        try (viewer; EpisodeRunner runner = new EpisodeRunner(1); ProgressBar bar = ConsoleProgress.start(spec.scenario().name(),
                Math.round(spec.scenario().timeLimitSeconds() * 1000), " s", 1000)) {
            interrupts.onInterrupt(runner::interrupt);
            // The bar counts simulated milliseconds up to the time limit.
            result = runner.run(spec, policy, bar == null ? null : nanos -> bar.stepTo(nanos / 1_000_000L),
                    EpisodeObserver.both(EpisodeObserver.both(viewer == null ? null : viewer.feed(), recording), pipeline));
        } finally {
            recorded = recording != null && recording.complete(result);
        }
        PrintWriter where = json ? err : out;
        if (json) out.println(toJson(result));
        else {
            printTable(out, result);
            out.printf(Locale.ROOT, "  %-13s %s%n", "pipeline", pipeline.line);
        }
        if (events) printEvents(out, result);
        out.flush();
        if (recorded) {
            where.println("episode: " + episode);
            where.flush();
        }
        if (pictures != null) writePictures(where, err, pictures, result);
        return Umwelt.EXIT_OK;
    }

    /** The control tick's stages as the episode built them, for the report's last line. */
    private static final class PipelineSeen implements EpisodeObserver {
        String line = "";

        @Override
        public void onPipeline(java.util.List<ControlTick.Stage> stages) {
            line = String.join(" > ", stages.stream().map(ControlTick.Stage::toString).toList());
        }

        @Override
        public void onTick(dev.umwelt.bus.tick.TickReadings tick, dev.umwelt.bus.command.VelocityCommand command) {}

        @Override
        public boolean stopRequested() {
            return false;
        }
    }

    private static void writePictures(PrintWriter where, PrintWriter err, Path dir, EpisodeResult result) {
        try {
            RunPictures.write(dir, result);
            where.println("pictures: " + dir);
            where.flush();
        } catch (Exception | Error e) {
            PictureOptions.warn(err, dir, e);
        }
    }

    static String toJson(EpisodeResult r) {
        try {
            return JSON.writeValueAsString(r.toJsonMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void printEvents(PrintWriter out, EpisodeResult r) {
        for (EpisodeEvent e : r.events()) {
            out.printf(Locale.ROOT, "  %9.3f s  %-20s %-8s %s%n", (e.stampNanos() - Clock.SIM_EPOCH_NANOS) / 1e9,
                    e.kind(), e.source(), e.detail());
        }
    }

    private static void printTable(PrintWriter out, EpisodeResult r) {
        EpisodeMetrics m = r.metrics();
        String f = "  %-13s %s%n";
        out.printf(Locale.ROOT, "%s  seed %d  policy %s%n", r.spec().scenario().name(), r.spec().seed(), r.spec().policy());
        out.printf(Locale.ROOT, f, "success", m.success() ? "yes" : "no (" + m.endReason() + ")");
        out.printf(Locale.ROOT, f, "SPL", String.format(Locale.ROOT, "%.3f", m.spl()));
        out.printf(Locale.ROOT, f, "soft SPL", String.format(Locale.ROOT, "%.3f", m.softSpl()));
        out.printf(Locale.ROOT, f, "path length", String.format(Locale.ROOT, "%.2f m (geodesic %.2f m)",
                m.pathLength(), m.geodesicDistance()));
        out.printf(Locale.ROOT, f, "to goal", String.format(Locale.ROOT, "%.2f m at the end", m.finalDistanceToGoal()));
        out.printf(Locale.ROOT, f, "collisions", m.collisions());
        out.printf(Locale.ROOT, f, "time", String.format(Locale.ROOT, "%.2f s simulated in %.2f s (%.0fx real time)",
                m.timeSeconds(), r.wallSeconds(), r.realTimeFactor()));
        if (r.spec().realtime()) out.printf(Locale.ROOT, f, "deadlines", r.missedDeadlines() + " missed");
        out.printf(Locale.ROOT, f, "trajectory", m.trajectoryHash());
    }
}
