package dev.umwelt.agent.episode;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.ros1.ObservationMask;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.episodes.record.EpisodeInfo;
import dev.umwelt.episodes.record.EpisodeRecorder;
import dev.umwelt.sim.truth.GroundTruthLabeller;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Records an episode into an MCAP file as an {@link EpisodeObserver}: it only reads what the
 * episode computes, in lockstep on the episode's context, so the trajectory is the same with and
 * without it. A recording error (disk full, ...) is reported once through {@code warn} and ends
 * the recording, never the episode; {@link #complete} always closes the file, leaving whatever was
 * written as a valid file. Synchronized because {@link #complete} may run on the caller's thread.
 */
public final class EpisodeRecording implements EpisodeObserver {
    private final Path file;
    private final Pose2D start;
    private final Consumer<String> warn;
    private EpisodeRecorder recorder;
    /** The tick's privileged labels, recorded on their own channel (null when the file could not be created). */
    private GroundTruthLabeller labeller;
    private Map<String, Long> counts = Map.of();
    private Pose2D odomPose;
    private boolean failed;

    private EpisodeRecording(Path file, Pose2D start, Consumer<String> warn) {
        this.file = file;
        this.start = start;
        this.warn = warn;
    }

    /** Creates the file (and its directory) for the episode; on failure warns and records nothing. */
    public static EpisodeRecording open(Path file, EpisodeSpec spec, Consumer<String> warn) {
        EpisodeRecording r = new EpisodeRecording(file, spec.scenario().start(), warn);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            r.recorder = EpisodeRecorder.create(file, EpisodeInfo.of(spec.scenario(), spec.seed(), spec.policy(), "",
                    spec.scenarioYaml(), spec.shield()));
            r.labeller = GroundTruthLabeller.of(spec.scenario());
        } catch (Exception | Error e) {
            r.fail(e);
        }
        return r;
    }

    public Path file() {
        return file;
    }

    /** Messages written per topic so far (empty when the file could not be created). */
    public synchronized Map<String, Long> counts() {
        return recorder == null ? counts : recorder.counts();
    }

    @Override
    public synchronized void onPipeline(List<ControlTick.Stage> stages) {
        if (recorder == null) return;
        try {
            recorder.pipeline(stages.stream().map(ControlTick.Stage::name).toList(), stages.stream().map(ControlTick.Stage::by).toList());
        } catch (Exception | Error e) {
            fail(e);
        }
    }

    @Override
    public synchronized void onInstruction(Instruction instruction) {
        if (recorder == null) return;
        try {
            recorder.instruction(instruction);
        } catch (Exception | Error e) {
            fail(e);
        }
    }

    @Override
    public synchronized void onTick(TickReadings tick, VelocityCommand command) {
        if (recorder == null) return;
        try {
            for (Stamped reading : tick.readings()) {
                if (reading instanceof Odometry o) odomPose = o.pose();
                recorder.reading(reading);
            }
            recorder.labels(labeller.at(tick.stampNanos(), tick.groundTruth()));
            recorder.tick(tick.stampNanos(), tick.groundTruth(), odomPose, start);
        } catch (Exception | Error e) {
            fail(e);
        }
    }

    @Override
    public synchronized void onObservation(Observation observation) {
        if (recorder == null) return;
        try {
            recorder.observation(ObservationMask.of(observation));
        } catch (Exception | Error e) {
            fail(e);
        }
    }

    @Override
    public synchronized void onAction(ActionChunk chunk) {
        if (recorder == null) return;
        try {
            recorder.action(chunk);
        } catch (Exception | Error e) {
            fail(e);
        }
    }

    @Override
    public synchronized void onTeacherAction(ActionChunk proposal) {
        if (recorder == null) return;
        try {
            recorder.teacherAction(proposal);
        } catch (Exception | Error e) {
            fail(e);
        }
    }

    @Override
    public synchronized void onCommand(VelocityCommand command) {
        if (recorder == null) return;
        try {
            recorder.command(command);
        } catch (Exception | Error e) {
            fail(e);
        }
    }

    @Override
    public synchronized void onEvent(EpisodeEvent event) {
        if (recorder == null) return;
        try {
            recorder.event(event);
        } catch (Exception | Error e) {
            fail(e);
        }
    }

    @Override
    public boolean stopRequested() {
        return false;
    }

    /**
     * Writes the result (when the episode completed; null when it failed) and closes the file.
     * Returns whether the file holds everything: false after a recording error.
     */
    public synchronized boolean complete(EpisodeResult result) {
        if (recorder != null && result != null) {
            try {
                recorder.finish(result.toJsonMap());
            } catch (Exception | Error e) {
                fail(e);
            }
        }
        closeQuietly();
        return !failed;
    }

    private void fail(Throwable e) {
        if (e instanceof VirtualMachineError vm && !(e instanceof InternalError)) throw vm;
        if (!failed) warn.accept("warning: recording " + file + " failed; the episode goes on unrecorded: " + e);
        failed = true;
        closeQuietly();
    }

    /** Closing finishes the file (summary, footer), so that what was recorded stays readable. */
    private void closeQuietly() {
        EpisodeRecorder r = recorder;
        recorder = null;
        if (r == null) return;
        counts = r.counts();
        try {
            r.close();
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError vm && !(e instanceof InternalError)) throw vm;
            if (!failed) warn.accept("warning: could not finish " + file + ": " + e);
            failed = true;
        }
    }
}
