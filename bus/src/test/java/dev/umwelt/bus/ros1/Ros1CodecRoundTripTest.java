package dev.umwelt.bus.ros1;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** Random values through every codec: decode(encode(x)) == x, and the bytes follow the .msg. */
class Ros1CodecRoundTripTest {
    private static final int RUNS = 300;
    private final Ros1Buffer buffer = new Ros1Buffer(8); // reused: growth and clear() are exercised too

    private <T> T roundTrip(Ros1Codec<T> codec, T value) {
        return roundTrip(codec, value, true);
    }

    /** {@code sameBytes} is false where decoding recomputes a value (yaw from a quaternion is exact only to ~1e-16). */
    private <T> T roundTrip(Ros1Codec<T> codec, T value, boolean sameBytes) {
        codec.encode(value, buffer.clear());
        byte[] bytes = buffer.toByteArray();
        assertEquals(bytes.length, SchemaWalker.length(codec.type(), bytes), () -> codec.type() + " layout of " + value);
        T back = codec.decode(buffer.view());
        if (sameBytes) assertArrayEquals(bytes, codec.encode(back), () -> codec.type() + " re-encode of " + value);
        return back;
    }

    private <T> void exact(Class<T> type, Function<Samples, T> gen) {
        Ros1Codec<T> codec = Ros1Codecs.forClass(type);
        Samples s = new Samples(type.getName().hashCode());
        for (int i = 0; i < RUNS; i++) {
            T v = gen.apply(s);
            assertEquals(v, roundTrip(codec, v), codec.type());
        }
    }

    @Test void laserScanBitExactIncludingRep117() { exact(LidarScan.class, Samples::scan); }
    @Test void image() { exact(CameraFrame.class, Samples::frameImage); }
    @Test void velocityCommand() { exact(VelocityCommand.class, Samples::command); }
    @Test void instruction() { exact(Instruction.class, Samples::instruction); }
    @Test void actionChunk() { exact(ActionChunk.class, Samples::chunk); }
    @Test void episodeEvent() { exact(EpisodeEvent.class, Samples::event); }
    @Test void audioChunk() { exact(AudioChunk.class, Samples::audio); }
    @Test void twist() { exact(Twist2D.class, Samples::twist); }
    @Test void belief() { exact(dev.umwelt.bus.belief.Belief.class, Samples::belief); }
    @Test void groundTruthLabels() { exact(dev.umwelt.bus.episode.GroundTruthLabels.class, Samples::labels); }
    @Test void string() { exact(String.class, Samples::text); }

    @Test
    void laserScanNanPayloadsSurvive() {
        Samples s = new Samples(1);
        for (int i = 0; i < RUNS; i++) {
            LidarScan v = s.scan();
            LidarScan back = roundTrip(new LaserScanCodec(), v);
            for (int k = 0; k < v.ranges().length; k++) {
                assertEquals(Float.floatToRawIntBits(v.ranges()[k]), Float.floatToRawIntBits(back.ranges()[k]));
            }
        }
    }

    @Test
    void odometryAndTfKeepPlanarPoses() {
        Samples s = new Samples(2);
        for (int i = 0; i < RUNS; i++) {
            Odometry o = s.odometry();
            Odometry back = roundTrip(new OdometryCodec(), o, false);
            assertEquals(o.header(), back.header());
            assertEquals(o.childFrameId(), back.childFrameId());
            assertEquals(o.twist(), back.twist());
            assertPose(o.pose(), back.pose());
            TfMessage tf = s.tf();
            TfMessage tfBack = roundTrip(new TfMessageCodec(), tf, false);
            for (int k = 0; k < 2; k++) {
                assertEquals(tf.transforms().get(k).header(), tfBack.transforms().get(k).header());
                assertEquals(tf.transforms().get(k).childFrameId(), tfBack.transforms().get(k).childFrameId());
                assertPose(tf.transforms().get(k).pose(), tfBack.transforms().get(k).pose());
            }
        }
    }

    @Test
    void observationMask() {
        Samples s = new Samples(3);
        ObservationMaskCodec codec = new ObservationMaskCodec();
        for (int i = 0; i < RUNS; i++) {
            var o = s.observation();
            ObservationMask m = ObservationMask.of(o);
            codec.encode(o, buffer.clear());
            assertEquals(m, codec.decode(buffer.view()));
            assertEquals(m, roundTrip(codec, m));
            assertEquals(o.has(dev.umwelt.bus.observation.Modality.ODOMETRY),
                    m.entries().get(dev.umwelt.bus.observation.Modality.ODOMETRY.ordinal()).present());
        }
    }

    @Test
    void lossyMappings() {
        Samples s = new Samples(4);
        VelocityCommand c = s.command();
        Ros1Buffer b = new Ros1Buffer();
        new TwistCodec().encodeCommand(c, b);
        assertEquals(c.twist(), new TwistCodec().decode(b.view()));
        Instruction i = s.instruction();
        var asString = new InstructionStringCodec(() -> 42L);
        Instruction back = asString.decode(ByteBuffer.wrap(asString.encode(i)));
        assertEquals(i.text(), back.text());
        assertEquals(42L, back.stampNanos());
        assertEquals(Instruction.Source.ROS, back.source());
        assertEquals("std_msgs/String", asString.type());
    }

    @Test
    void lookupByClassAndType() {
        for (Class<?> c : Ros1Codecs.classes()) {
            Ros1Codec<?> codec = Ros1Codecs.forClass(c);
            assertSame(codec, Ros1Codecs.forType(codec.type()));
            assertEquals(MsgDefinitions.embedded().md5(codec.type()), codec.md5());
        }
        assertEquals("rosgraph_msgs/Clock", Ros1Codecs.forType("rosgraph_msgs/Clock").type());
        var e = assertThrows(IllegalArgumentException.class, () -> Ros1Codecs.forType("x/Y"));
        assertTrue(e.getMessage().contains("x/Y"));
    }

    private static void assertPose(Pose2D expected, Pose2D actual) {
        assertEquals(expected.x(), actual.x(), 0);
        assertEquals(expected.y(), actual.y(), 0);
        assertEquals(0, dev.umwelt.bus.Angles.difference(expected.yaw(), actual.yaw()), 1e-12);
    }
}
