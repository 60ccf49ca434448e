package dev.umwelt.bus.ros1;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** Broken bytes must give a Ros1DecodeException naming the type and offset; nothing else escapes. */
class Ros1MalformedInputTest {
    private static final long T = 946_684_800_000_000_000L;

    private record Case<T>(Ros1Codec<T> codec, Function<Samples, T> gen) {
        byte[] sample(Samples s) {
            return codec.encode(gen.apply(s));
        }
    }

    private static final List<Case<?>> CASES = List.of(
            new Case<>(new LaserScanCodec(), Samples::scan), new Case<>(new ImageCodec(), Samples::frameImage),
            new Case<>(new OdometryCodec(), Samples::odometry), new Case<>(new TwistCodec(), Samples::twist),
            new Case<>(new VelocityCommandCodec(), Samples::command), new Case<>(new InstructionCodec(), Samples::instruction),
            new Case<>(new ActionChunkCodec(), Samples::chunk), new Case<>(new EpisodeEventCodec(), Samples::event),
            new Case<>(new AudioChunkCodec(), Samples::audio), new Case<>(new TfMessageCodec(), Samples::tf),
            new Case<>(new ObservationMaskCodec(), s -> ObservationMask.of(s.observation())),
            new Case<>(new BeliefCodec(), Samples::belief), new Case<>(new GroundTruthLabelsCodec(), Samples::labels),
            new Case<>(new StringCodec(), Samples::text), new Case<>(new ClockCodec(), s -> 5L));

    private static Ros1DecodeException fails(Ros1Codec<?> codec, byte[] bytes) {
        Ros1DecodeException e = assertThrows(Ros1DecodeException.class, () -> codec.decode(ByteBuffer.wrap(bytes)));
        assertTrue(e.getMessage().startsWith(codec.type() + " at byte "), e.getMessage());
        assertEquals(codec.type(), e.type());
        return e;
    }

    @Test
    void everyTruncationIsRejected() {
        Samples s = new Samples(7);
        for (Case<?> c : CASES) {
            for (int run = 0; run < 10; run++) {
                byte[] full = c.sample(s);
                for (int n = 0; n < full.length; n++) {
                    Ros1DecodeException e = fails(c.codec(), Arrays.copyOf(full, n));
                    assertTrue(e.offset() <= n, e.getMessage());
                }
            }
        }
    }

    @Test
    void trailingBytesAreRejected() {
        Samples s = new Samples(8);
        for (Case<?> c : CASES) {
            byte[] full = c.sample(s);
            var e = fails(c.codec(), Arrays.copyOf(full, full.length + 3));
            assertEquals(c.codec().type() + " at byte " + full.length + ": 3 trailing bytes after the message", e.getMessage());
        }
    }

    /** Random corruption: a clean result or a Ros1DecodeException, never an index exception or OOM. */
    @Test
    void corruptedBytesNeverEscapeAsOtherExceptions() {
        Samples s = new Samples(9);
        Random r = new Random(9);
        for (Case<?> c : CASES) {
            for (int run = 0; run < 200; run++) {
                byte[] b = c.sample(s);
                if (b.length == 0) continue;
                for (int k = 1 + r.nextInt(3); k > 0; k--) b[r.nextInt(b.length)] = (byte) (r.nextBoolean() ? 0xff : r.nextInt());
                try {
                    c.codec().decode(ByteBuffer.wrap(b));
                } catch (Ros1DecodeException expected) {
                    // fine
                }
            }
        }
    }

    @Test
    void oversizedLengthsAreRejectedBeforeAllocating() {
        LaserScanCodec codec = new LaserScanCodec();
        byte[] b = codec.encode(new LidarScan(new Header(T, "laser"), 0, 0.1f, 0, 0, 0, 1, new float[] {1, 2}, null));
        int rangesAt = 4 + 8 + 4 + 5 + 7 * 4;
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(rangesAt, -1); // 4294967295 as uint32
        var e = fails(codec, b);
        assertEquals("sensor_msgs/LaserScan at byte " + rangesAt + ": ranges length 4294967295 needs at least 17179869180"
                + " bytes but only 12 remain", e.getMessage());

        byte[] str = new StringCodec().encode("hi");
        ByteBuffer.wrap(str).order(ByteOrder.LITTLE_ENDIAN).putInt(0, Integer.MAX_VALUE);
        assertEquals("std_msgs/String at byte 0: data length 2147483647 needs at least 2147483647 bytes but only 2 remain",
                fails(new StringCodec(), str).getMessage());
    }

    @Test
    void valuesTheRecordsCannotHoldAreRejected() {
        byte[] noFrame = new Ros1Buffer().i32(0).time(T).string("").string("x").toByteArray();
        assertTrue(fails(new InstructionCodec(), noFrame).getMessage()
                .contains("header.frame_id is empty"));

        Ros1Buffer bgr = new Ros1Buffer().header(T, "camera").u32(1).u32(1).string("bgr8").u8(0).u32(3).bytes(new byte[3]);
        assertEquals("sensor_msgs/Image at byte 30: encoding 'bgr8' is not supported (only rgb8)",
                fails(new ImageCodec(), bgr.toByteArray()).getMessage());
        Ros1Buffer shortData = new Ros1Buffer().header(T, "camera").u32(2).u32(2).string("rgb8").u8(0).u32(6).bytes(new byte[11]);
        assertTrue(fails(new ImageCodec(), shortData.toByteArray()).getMessage().contains("data has 11 bytes, step * height = 12"));

        Ros1Buffer nanTwist = new Ros1Buffer().f64(Double.NaN).f64(0).f64(0).f64(0).f64(0).f64(0);
        assertTrue(fails(new TwistCodec(), nanTwist.toByteArray()).getMessage().contains("not a valid geometry_msgs/Twist"));

        Ros1Buffer event = new Ros1Buffer().header(T, "sim").string("NOT_A_KIND").string("sim").string("");
        assertTrue(fails(new EpisodeEventCodec(), event.toByteArray()).getMessage().contains("unknown event kind 'NOT_A_KIND'"));
    }

    @Test
    void paddedRgb8RowsAreRepacked() {
        Ros1Buffer b = new Ros1Buffer().header(T, "camera").u32(2).u32(1).string("rgb8").u8(0).u32(4)
                .bytes(new byte[] {1, 2, 3, 99, 4, 5, 6, 99});
        CameraFrame f = new ImageCodec().decode(b.view());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, f.rgb());
    }
}
