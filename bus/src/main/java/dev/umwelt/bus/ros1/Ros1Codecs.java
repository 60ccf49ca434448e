package dev.umwelt.bus.ros1;

import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The codecs by bus record class (the lossless mapping of each record) and by ROS type.
 * Codecs are stateless and thread-safe; share them. Lossy alternatives (a VelocityCommand as
 * cmd_vel, an Instruction as std_msgs/String) are had from {@link TwistCodec} and
 * {@link InstructionStringCodec} directly.
 */
public final class Ros1Codecs {
    private static final Map<Class<?>, Ros1Codec<?>> BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, Ros1Codec<?>> BY_TYPE = new LinkedHashMap<>();

    static {
        add(LidarScan.class, new LaserScanCodec());
        add(CameraFrame.class, new ImageCodec());
        add(Odometry.class, new OdometryCodec());
        add(Twist2D.class, new TwistCodec());
        add(VelocityCommand.class, new VelocityCommandCodec());
        add(Instruction.class, new InstructionCodec());
        add(ActionChunk.class, new ActionChunkCodec());
        add(EpisodeEvent.class, new EpisodeEventCodec());
        add(AudioChunk.class, new AudioChunkCodec());
        add(ObservationMask.class, new ObservationMaskCodec());
        add(TfMessage.class, new TfMessageCodec());
        add(dev.umwelt.bus.episode.GroundTruthLabels.class, new GroundTruthLabelsCodec());
        add(dev.umwelt.bus.belief.Belief.class, new BeliefCodec());
        add(String.class, new StringCodec());
        BY_TYPE.put(ClockCodec.TYPE, new ClockCodec());
    }

    private Ros1Codecs() {}

    private static <T> void add(Class<T> type, Ros1Codec<T> codec) {
        BY_CLASS.put(type, codec);
        BY_TYPE.put(codec.type(), codec);
    }

    @SuppressWarnings("unchecked")
    public static <T> Ros1Codec<T> forClass(Class<T> type) {
        Ros1Codec<?> c = BY_CLASS.get(type);
        if (c == null) throw new IllegalArgumentException("no ROS 1 codec for " + type.getName() + " (known: "
                + BY_CLASS.keySet().stream().map(Class::getSimpleName).toList() + ")");
        return (Ros1Codec<T>) c;
    }

    public static Ros1Codec<?> forType(String rosType) {
        Ros1Codec<?> c = BY_TYPE.get(rosType);
        if (c == null) throw new IllegalArgumentException("no ROS 1 codec for " + rosType + " (known: " + BY_TYPE.keySet() + ")");
        return c;
    }

    public static Set<Class<?>> classes() {
        return Set.copyOf(BY_CLASS.keySet());
    }

    public static Set<String> types() {
        return Set.copyOf(BY_TYPE.keySet());
    }
}
