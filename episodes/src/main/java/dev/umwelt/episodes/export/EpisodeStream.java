package dev.umwelt.episodes.export;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.GroundTruthLabels;
import dev.umwelt.bus.ros1.ObservationMask;
import dev.umwelt.bus.ros1.Ros1Codecs;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.episodes.mcap.McapException;
import dev.umwelt.episodes.mcap.McapRecord;
import dev.umwelt.episodes.mcap.McapStreamReader;
import dev.umwelt.episodes.replay.EpisodeFormat;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.scenarios.world.WorldObject;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams one episode file front to back (file order: a tick's readings, ground truth and labels,
 * then the policy's observation, action chunk and the passed command) and turns every decision of
 * the policy into a {@link TickSample}. A sample waits only until the pose a second later is known
 * (its waypoints) and the newest always waits for the next decision or the end (the STOP label
 * needs the result), so memory is bounded by that window, not by the episode. A read that fails
 * (cut short, a corrupted chunk, a message that does not decode) ends the episode there: what was
 * complete is kept and the reason reported.
 */
final class EpisodeStream {
    /** What the dataset offers an episode: admission of its robot, the layout, instruction indices, and the writer. */
    interface Dataset {
        /** Null when the episode may join (the first one fixes the layout), else why not. */
        String admit(DatasetRobot robot);

        DatasetLayout layout();

        int instruction(String text);

        /** Appends a sample; a failure to write the dataset is an {@link java.io.UncheckedIOException}, never taken for a bad episode. */
        void write(TickSample sample);

        /** The caller's per-sample inputs for this episode; null when the dataset has none (every tick a sample). */
        SampleInputs.Episode inputs(Scenario scenario);
    }

    /** The caller's inputs failed on this episode's data. */
    private static final class InputsFailed extends RuntimeException {
        InputsFailed(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** Ends the read of an episode that cannot be exported at all. */
    private static final class Skip extends Exception {
        Skip(String why) {
            super(why, null, false, false);
        }
    }

    private final Path file;
    private final int index;
    private final long firstSample;
    private final Dataset dataset;
    private final Map<Integer, String> topics = new HashMap<>();
    private Map<String, String> episode, result;
    private Scenario scenario;
    private DatasetLayout layout;
    private SenseHistory senses;
    private final Waypoints poses = new Waypoints();
    private final TeacherLabels teacher = new TeacherLabels();
    private final ArrayDeque<TickSample> pending = new ArrayDeque<>();
    private TickSample awaitingCommand;
    private Instruction instruction;
    private int instructionIndex = -1;
    private ObservationMask mask;
    private GroundTruthLabels labels;
    private long gtStamp = Long.MIN_VALUE, firstTick = Long.MIN_VALUE;
    private Pose2D gtPose;
    private int ticks, samples;
    private SampleInputs.Episode inputs;
    /** The newest tick (sampled or not) proposed STOP: the STOP label goes to the last sample. */
    private boolean lastTickStopped;
    private List<String> labelledObjects;

    private EpisodeStream(Path file, int index, long firstSample, Dataset dataset) {
        this.file = file;
        this.index = index;
        this.firstSample = firstSample;
        this.dataset = dataset;
    }

    /** Exports {@code file} as episode {@code index} (its first sample being number {@code firstSample}). */
    static EpisodeExport export(Path file, int index, long firstSample, Dataset dataset) throws IOException {
        return new EpisodeStream(file, index, firstSample, dataset).run();
    }

    private EpisodeExport run() throws IOException {
        String stopped = null;
        boolean skipped = false;
        long size = Files.size(file);
        try (McapStreamReader r = McapStreamReader.open(file)) {
            try {
                for (McapRecord rec; (rec = r.next()) != null; ) handle(rec);
                if (episode == null) throw new Skip("an MCAP file but not an Umwelt episode (no umwelt.episode metadata)");
            } catch (McapException e) {
                stopped = (cutShort(e, size) ? "cut short" : "damaged") + ": " + e.getMessage();
                if (r.lastRecordOffset() <= 0 && e.getMessage().contains("leading magic")) {
                    throw new Skip("not an MCAP file (" + (size < 8 ? "only " + size + " bytes" : "wrong magic bytes at the start") + ")");
                }
            } catch (InputsFailed e) { // the caller's inputs threw: this episode ends there, the export goes on
                stopped = "the model inputs could not be built: " + e.getCause();
            } catch (IllegalArgumentException e) { // Ros1DecodeException: a message that does not decode as its type
                stopped = "a message does not decode: " + e.getMessage();
            } catch (IOException e) { // the disk under the episode file, mid-read: keep what was read
                stopped = "reading failed: " + e;
            }
            if (episode == null) throw new Skip(stopped != null ? stopped + ", before the umwelt.episode metadata" : "no umwelt.episode metadata");
        } catch (Skip s) {
            skipped = true;
            stopped = s.getMessage();
            pending.clear();
            ticks = 0;
            samples = 0;
        }
        if (!skipped) finish(stopped != null);
        return new EpisodeExport(file, index, get(EpisodeFormat.K_SCENARIO_NAME), get(EpisodeFormat.K_TASK),
                get(EpisodeFormat.K_SEED), get(EpisodeFormat.K_POLICY), samples, firstSample, stopped == null, stopped, skipped,
                result == null ? Map.of() : result, objects(), size);
    }

    /** The reader's words for a file that simply ends early (as replay's EpisodeFile tells them apart from corruption). */
    private static boolean cutShort(McapException e, long size) {
        String why = e.getMessage();
        return why.contains("truncated") || why.contains("file ends") || why.contains("past the end of the " + size + "-byte file");
    }

    private String get(String key) {
        return episode == null ? "" : episode.getOrDefault(key, "");
    }

    private void handle(McapRecord rec) throws IOException, Skip {
        if (rec instanceof McapRecord.Channel c) {
            topics.putIfAbsent(c.id(), c.topic());
        } else if (rec instanceof McapRecord.Metadata m) {
            if (m.name().equals(EpisodeFormat.EPISODE_METADATA) && episode == null) start(m.metadata());
            else if (m.name().equals(EpisodeFormat.RESULT_METADATA)) result = Map.copyOf(m.metadata());
        } else if (rec instanceof McapRecord.Message m) {
            String topic = topics.get(m.channelId());
            if (topic == null) return;
            if (episode == null) throw new Skip("a message comes before the umwelt.episode metadata: not an Umwelt episode");
            message(topic, m);
        }
    }

    /** The episode's metadata: its embedded scenario says which robot recorded it, and the dataset admits it or not. */
    private void start(Map<String, String> info) throws Skip {
        episode = Map.copyOf(info);
        if (!EpisodeFormat.FORMAT.equals(info.get(EpisodeFormat.K_FORMAT))) {
            throw new Skip("episode format '" + info.get(EpisodeFormat.K_FORMAT) + "', this Umwelt reads " + EpisodeFormat.FORMAT);
        }
        String yaml = get(EpisodeFormat.K_SCENARIO_YAML), robot = get(EpisodeFormat.K_ROBOT_YAML);
        if (yaml.isBlank() || robot.isBlank()) throw new Skip("its metadata has no " + (yaml.isBlank() ? "scenario_yaml" : "robot_yaml"));
        try {
            scenario = ScenarioLoader.parse(yaml, Path.of(get(EpisodeFormat.K_SCENARIO_NAME) + ".yaml"), robot);
        } catch (RuntimeException e) { // ScenarioException (file:line: field) or a record's own check
            throw new Skip("its embedded scenario does not load: " + e.getMessage());
        }
        String refused = dataset.admit(DatasetRobot.of(scenario));
        if (refused != null) throw new Skip(refused);
        layout = dataset.layout();
        senses = new SenseHistory(scenario, layout);
        inputs = dataset.inputs(scenario);
        if (inputs != null && inputs.refusal() != null) throw new Skip(inputs.refusal());
    }

    private void message(String topic, McapRecord.Message m) throws IOException {
        switch (topic) {
            case EpisodeFormat.SCAN -> senses.add(decode(m, LidarScan.class));
            case EpisodeFormat.CAMERA -> senses.add(decode(m, CameraFrame.class));
            case EpisodeFormat.ODOM -> senses.add(decode(m, Odometry.class));
            case EpisodeFormat.AUDIO -> senses.add(decode(m, AudioChunk.class));
            case EpisodeFormat.INSTRUCTION -> {
                instruction = decode(m, Instruction.class);
                senses.add(instruction);
                instructionIndex = dataset.instruction(instruction.text());
            }
            case EpisodeFormat.OBSERVATION -> mask = decode(m, ObservationMask.class);
            case EpisodeFormat.LABELS -> labels = decode(m, GroundTruthLabels.class);
            case EpisodeFormat.GROUND_TRUTH -> {
                Odometry gt = decode(m, Odometry.class);
                gtStamp = gt.stampNanos();
                gtPose = gt.pose();
                poses.add(gtStamp, gtPose);
                drain(false);
            }
            case EpisodeFormat.TEACHER_ACTION -> teacher.add(decode(m, ActionChunk.class));
            case EpisodeFormat.ACTION -> decided(decode(m, ActionChunk.class));
            case EpisodeFormat.COMMAND -> {
                VelocityCommand c = decode(m, VelocityCommand.class);
                TickSample s = awaitingCommand;
                if (s != null && c.stampNanos() == s.stampNanos) {
                    s.command[0] = (float) c.twist().linear();
                    s.command[1] = (float) c.twist().angular();
                    s.commandSeen = true;
                    awaitingCommand = null;
                }
            }
            default -> { } // /tf, /cmd_vel and events carry nothing a sample needs
        }
    }

    private <T> T decode(McapRecord.Message m, Class<T> type) {
        return Ros1Codecs.forClass(type).decode(ByteBuffer.wrap(m.data()).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** A decision of the policy at its tick: the sample of that tick, from what the policy had then. */
    private void decided(ActionChunk chunk) throws IOException {
        long t = chunk.stampNanos();
        if (firstTick == Long.MIN_VALUE) firstTick = t;
        lastTickStopped = chunk.stop();
        float[][] values = null;
        if (inputs != null) {
            // Every tick feeds the caller (its belief is rebuilt tick by tick); only its picks become samples.
            try {
                values = inputs.tick(senses.observation(t, mask), instruction == null ? "" : instruction.text());
            } catch (RuntimeException e) {
                throw new InputsFailed(e);
            }
            if (values == null) {
                ticks++;
                awaitingCommand = null;
                return;
            }
        }
        TickSample s = new TickSample(layout);
        if (values != null) {
            s.inputs = new float[values.length][];
            for (int i = 0; i < values.length; i++) s.inputs[i] = values[i].clone();
        }
        s.episode = index;
        s.tick = ticks++;
        s.stampNanos = t;
        s.timeSeconds = (float) ((t - firstTick) / 1e9);
        s.instruction = instructionIndex >= 0 ? instructionIndex : dataset.instruction("");
        senses.observe(s, mask);
        s.pose = gtStamp == t ? gtPose : null;
        var now = chunk.actionAt(t);
        s.action[0] = (float) now.linear();
        s.action[1] = (float) now.angular();
        s.proposedStop = chunk.stop();
        if (labels != null && labels.stampNanos() == t) label(s, labels);
        teacher.fill(s);
        awaitingCommand = chunk.stop() ? null : s;
        pending.addLast(s);
        drain(false);
    }

    private void label(TickSample s, GroundTruthLabels g) {
        if (labelledObjects == null) labelledObjects = g.objects();
        s.labelsValid = true;
        s.targetDistance = (float) g.targetDistance();
        s.targetBearing = (float) g.targetBearing();
        s.targetVisible = g.targetVisible();
        s.targetObject = (short) (g.targetId().isEmpty() ? 0 : g.objects().indexOf(g.targetId()) + 1);
        System.arraycopy(g.beamLabels(), 0, s.beamObjects, 0, Math.min(g.beamLabels().length, s.beamObjects.length));
        short[] src = g.columnLabels();
        int w = s.columnObjects.length;
        // at the exported width: each column takes the label at its centre in the camera's own columns
        for (int u = 0; u < w && src.length > 0; u++) s.columnObjects[u] = src[(int) ((u + 0.5) * src.length / w)];
    }

    /** Writes the waiting samples whose waypoints are known; the newest always waits (all of them at the end). */
    private void drain(boolean end) throws IOException {
        while (!pending.isEmpty() && (end || pending.size() > 1 && pending.peekFirst().horizonNanos(layout) <= poses.newestStamp())) {
            TickSample s = pending.removeFirst();
            poses.fill(s, layout.waypoints(), layout.waypointStepNanos());
            dataset.write(s);
            samples++;
        }
        if (!pending.isEmpty()) poses.dropBefore(pending.peekFirst().stampNanos);
    }

    /** The end of the file or of its readable part: the STOP label, then everything still waiting. */
    private void finish(boolean cut) throws IOException {
        if (cut && awaitingCommand != null && pending.peekLast() == awaitingCommand) {
            pending.removeLast(); // its command was lost with the rest: the tick is incomplete
            ticks--;
        }
        TickSample last = pending.peekLast();
        if (last != null && lastTickStopped && result != null && "true".equals(result.get("success"))) last.stop = true;
        drain(true);
    }

    private List<EpisodeExport.ObjectInfo> objects() {
        if (scenario == null) return List.of();
        List<WorldObject> world = scenario.world().objects();
        List<String> ids = labelledObjects != null ? labelledObjects : world.stream().map(WorldObject::id).toList();
        String target = scenario.task() instanceof dev.umwelt.scenarios.task.ObjectGoal g ? g.targetId()
                : scenario.task() instanceof dev.umwelt.scenarios.task.AudioGoal a ? a.objectId() : null;
        List<EpisodeExport.ObjectInfo> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            WorldObject o = scenario.world().object(id).orElse(null);
            out.add(o == null ? new EpisodeExport.ObjectInfo(id, "", "", "", id.equals(target))
                    : new EpisodeExport.ObjectInfo(id, o.label(), o.shape().key(), o.colour().name(), id.equals(target)));
        }
        return out;
    }
}
