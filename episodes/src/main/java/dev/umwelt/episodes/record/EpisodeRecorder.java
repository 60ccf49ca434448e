package dev.umwelt.episodes.record;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.episode.GroundTruthLabels;
import dev.umwelt.bus.ros1.ObservationMask;
import dev.umwelt.bus.ros1.Ros1Buffer;
import dev.umwelt.bus.ros1.Ros1Codec;
import dev.umwelt.bus.ros1.Ros1Codecs;
import dev.umwelt.bus.ros1.TfMessage;
import dev.umwelt.bus.ros1.TwistCodec;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.episodes.mcap.McapRecord.Metadata;
import dev.umwelt.episodes.mcap.McapWriteOptions;
import dev.umwelt.episodes.mcap.McapWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes one episode file in the format of episodes/FORMAT.md: the {@code umwelt.episode} metadata
 * first, every channel registered up front (so a reader sees the full layout even in a short file),
 * ROS 1 encoded messages stamped with sim time, {@code umwelt.result} at the end of a completed
 * episode. Production options: zstd chunks of at most 1 s of sim time, each handed to the OS as it
 * closes, so a killed process loses at most the open chunk. {@link #close()} always finishes a
 * valid file (summary, footer). Not thread-safe: call it from the episode's context.
 */
public final class EpisodeRecorder implements AutoCloseable {
    /** The version written in the Header's library and the metadata. */
    public static final String VERSION = version();
    public static final String RESULT_METADATA = "umwelt.result";
    public static final String PIPELINE_METADATA = "umwelt.pipeline";

    /**
     * The topics, in channel-id order (ids 1..14; the last four were added after the first ten, so old files lack them).
     * TEACHER_ACTION has messages only when a teacher ran alongside ({@code --teacher}).
     */
    public enum Topic {
        SCAN("/scan", LidarScan.class), CAMERA("/camera/image_raw", CameraFrame.class),
        ODOM("/odom", Odometry.class), TF("/tf", TfMessage.class),
        GROUND_TRUTH("/umwelt/ground_truth", Odometry.class), INSTRUCTION("/umwelt/instruction", Instruction.class),
        ACTION("/umwelt/action", ActionChunk.class), CMD_VEL("/umwelt/cmd_vel", VelocityCommand.class),
        CMD_VEL_TWIST("/cmd_vel", Twist2D.class), EVENTS("/umwelt/events", EpisodeEvent.class),
        AUDIO("/audio", AudioChunk.class), OBSERVATION("/umwelt/observation", ObservationMask.class),
        LABELS("/umwelt/ground_truth/labels", GroundTruthLabels.class),
        TEACHER_ACTION("/umwelt/teacher/action", ActionChunk.class);

        public final String topic;
        final Class<?> type;

        Topic(String topic, Class<?> type) {
            this.topic = topic;
            this.type = type;
        }

        /** The ROS type (the MCAP schema name). */
        public String rosType() {
            return Ros1Codecs.forClass(type).type();
        }
    }

    private static final Topic[] TOPICS = Topic.values();
    private static final TwistCodec TWIST = (TwistCodec) Ros1Codecs.forClass(Twist2D.class);

    private final Path file;
    private final McapWriter writer;
    private final Ros1Buffer buffer = new Ros1Buffer(1 << 16);
    /** Sim time of the last chunk close; unset (MIN_VALUE) until the first tick. */
    private long lastChunkClose = Long.MIN_VALUE;
    static final long CHUNK_CLOSE_NANOS = 1_000_000_000L;
    private final int[] channelIds = new int[TOPICS.length];
    private final long[] counts = new long[TOPICS.length];
    private boolean closed;

    private EpisodeRecorder(Path file, McapWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Creates (or truncates) {@code file} and writes the Header, the {@code umwelt.episode} metadata and the channels. */
    public static EpisodeRecorder create(Path file, EpisodeInfo info) throws IOException {
        McapWriter writer = McapWriter.create(file, McapWriteOptions.production().withHeader("ros1", "umwelt " + VERSION));
        EpisodeRecorder r = new EpisodeRecorder(file, writer);
        try {
            writer.writeMetadata(new Metadata(EpisodeInfo.METADATA_NAME, info.toMetadata()));
            Map<String, Integer> schemas = new LinkedHashMap<>();
            for (Topic t : TOPICS) {
                Ros1Codec<?> codec = Ros1Codecs.forClass(t.type);
                Integer schema = schemas.get(codec.type());
                if (schema == null) {
                    schema = writer.addSchema(codec.type(), "ros1msg", codec.definition().getBytes(StandardCharsets.UTF_8));
                    schemas.put(codec.type(), schema);
                }
                r.channelIds[t.ordinal()] = writer.addChannel(schema, t.topic, "ros1", Map.of("md5sum", codec.md5()));
            }
        } catch (IOException | RuntimeException e) {
            try {
                writer.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return r;
    }

    public Path file() {
        return file;
    }

    /** Messages written so far per topic name, in channel order (every topic, zeros included). */
    public Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Topic t : TOPICS) m.put(t.topic, counts[t.ordinal()]);
        return m;
    }

    /** A sensor reading, routed by type: lidar, camera, odometry, audio; other readings are not part of the format. */
    public void reading(Stamped reading) throws IOException {
        if (reading instanceof LidarScan s) write(Topic.SCAN, s, s.stampNanos());
        else if (reading instanceof CameraFrame f) write(Topic.CAMERA, f, f.stampNanos());
        else if (reading instanceof Odometry o) write(Topic.ODOM, o, o.stampNanos());
        else if (reading instanceof AudioChunk a) write(Topic.AUDIO, a, a.stampNanos());
    }

    /** Which senses the policy's observation held at a tick (present, age, why absent), as the policy saw it. */
    public void observation(ObservationMask mask) throws IOException {
        write(Topic.OBSERVATION, mask, mask.header().stampNanos());
    }

    /** The tick's privileged labels (target, per-beam and per-column objects): call it before {@link #tick} of the same tick. */
    public void labels(GroundTruthLabels labels) throws IOException {
        write(Topic.LABELS, labels, labels.stampNanos());
    }

    /**
     * The per-tick state: the true pose on {@code /umwelt/ground_truth}, and {@code /tf} with odom ->
     * base_link from the latest odometry pose and map -> odom as the correction that puts base_link
     * at the true pose (what a perfect localiser would publish). Before any odometry
     * ({@code odomPose} null) the odom frame sits at the start pose.
     */
    public void tick(long stampNanos, Pose2D groundTruthInMap, Pose2D odomPose, Pose2D startInMap) throws IOException {
        write(Topic.GROUND_TRUTH, new Odometry(new Header(stampNanos, Frames.MAP), Frames.BASE_LINK, groundTruthInMap,
                Twist2D.ZERO), stampNanos);
        Pose2D odomInMap, baseInOdom;
        if (odomPose != null) {
            baseInOdom = odomPose;
            odomInMap = groundTruthInMap.compose(inverse(odomPose));
        } else {
            odomInMap = startInMap;
            baseInOdom = inverse(startInMap).compose(groundTruthInMap);
        }
        write(Topic.TF, TfMessage.robot(stampNanos, odomInMap, stampNanos, baseInOdom), stampNanos);
        // Close the chunk at every whole second of sim time, once the tick is written: a killed
        // process then loses at most the last second (the writer's own span check would wait for
        // the next message, losing up to a second plus a tick).
        if (lastChunkClose == Long.MIN_VALUE) {
            lastChunkClose = stampNanos;
        } else if (stampNanos - lastChunkClose >= CHUNK_CLOSE_NANOS) {
            writer.closeChunk();
            lastChunkClose = stampNanos;
        }
    }

    /** An action chunk as the policy proposed it (STOP included). */
    public void action(ActionChunk chunk) throws IOException {
        write(Topic.ACTION, chunk, chunk.stampNanos());
    }

    /** The teacher's proposal for a tick (one action or STOP, stamped with the tick); it never reached the base. */
    public void teacherAction(ActionChunk proposal) throws IOException {
        write(Topic.TEACHER_ACTION, proposal, proposal.stampNanos());
    }

    /** A command as passed to the base: {@code /umwelt/cmd_vel} (with its deadline) and the plain {@code /cmd_vel} Twist. */
    public void command(VelocityCommand command) throws IOException {
        write(Topic.CMD_VEL, command, command.stampNanos());
        buffer.clear();
        TWIST.encodeCommand(command, buffer);
        emit(Topic.CMD_VEL_TWIST, command.stampNanos());
    }

    public void instruction(Instruction instruction) throws IOException {
        write(Topic.INSTRUCTION, instruction, instruction.stampNanos());
    }

    public void event(EpisodeEvent event) throws IOException {
        write(Topic.EVENTS, event, event.stampNanos());
    }

    /**
     * Writes {@code umwelt.pipeline}: the control tick's stages in order, key {@code 1 inject faults},
     * {@code 2 record}, ..., value what runs each (episodes/FORMAT.md).
     */
    public void pipeline(java.util.List<String> names, java.util.List<String> by) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) m.put((i + 1) + " " + names.get(i), by.get(i));
        writer.writeMetadata(new Metadata(PIPELINE_METADATA, m));
    }

    /** Writes {@code umwelt.result} (values as strings): the episode completed. */
    public void finish(Map<String, ?> result) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        result.forEach((k, v) -> m.put(k, String.valueOf(v)));
        writer.writeMetadata(new Metadata(RESULT_METADATA, m));
    }

    /** Finishes the file (last chunk, summary, footer); safe to call twice. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        writer.close();
    }

    @SuppressWarnings("unchecked")
    private <T> void write(Topic topic, T value, long stampNanos) throws IOException {
        buffer.clear();
        ((Ros1Codec<T>) Ros1Codecs.forClass(topic.type)).encode(value, buffer);
        emit(topic, stampNanos);
    }

    private void emit(Topic topic, long stampNanos) throws IOException {
        int k = topic.ordinal();
        // The encoded bytes are the only per-message allocation; the writer copies them into its chunk.
        byte[] bytes = buffer.toByteArray();
        writer.writeMessage(channelIds[k], counts[k], stampNanos, stampNanos, bytes, 0, bytes.length);
        counts[k]++;
    }

    private static Pose2D inverse(Pose2D p) {
        double c = Math.cos(p.yaw()), s = Math.sin(p.yaw());
        return new Pose2D(-c * p.x() - s * p.y(), s * p.x() - c * p.y(), -p.yaw());
    }

    private static String version() {
        String v = EpisodeRecorder.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0";
    }
}
