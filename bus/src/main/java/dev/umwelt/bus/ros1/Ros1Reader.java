package dev.umwelt.bus.ros1;

import dev.umwelt.bus.Header;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounds-checked little-endian reader over one ROS 1 message. Every length prefix is checked
 * against the bytes that remain before anything is allocated, so a corrupt or hostile length
 * gives a {@link Ros1DecodeException} naming the type and offset, never an OutOfMemoryError.
 */
public final class Ros1Reader {
    private static final long NANOS = 1_000_000_000L;
    private final String type;
    private final ByteBuffer in;

    public Ros1Reader(String type, ByteBuffer source) {
        this.type = type;
        this.in = source.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    public int offset() {
        return in.position();
    }

    public int remaining() {
        return in.remaining();
    }

    public Ros1DecodeException error(String problem) {
        return new Ros1DecodeException(type, in.position(), problem);
    }

    private void need(long n, String what) {
        if (n > in.remaining()) {
            throw error(what + " needs " + n + " bytes but only " + in.remaining() + " remain (truncated message?)");
        }
    }

    public boolean bool() { need(1, "bool"); return in.get() != 0; }
    public int u8() { need(1, "uint8"); return in.get() & 0xff; }
    public short i16() { need(2, "int16"); return in.getShort(); }
    public int i32() { need(4, "int32"); return in.getInt(); }
    public long u32() { need(4, "uint32"); return in.getInt() & 0xffff_ffffL; }
    public long i64() { need(8, "int64"); return in.getLong(); }
    public float f32() { need(4, "float32"); return in.getFloat(); }
    public double f64() { need(8, "float64"); return in.getDouble(); }

    /** ROS time as nanoseconds since the epoch (secs and nsecs both unsigned). */
    public long time() {
        need(8, "time");
        long secs = in.getInt() & 0xffff_ffffL;
        long nsecs = in.getInt() & 0xffff_ffffL;
        return secs * NANOS + nsecs;
    }

    public long duration() {
        need(8, "duration");
        long secs = in.getInt();
        long nsecs = in.getInt();
        return secs * NANOS + nsecs;
    }

    /** An array or string length whose elements take at least {@code minElementBytes} each. */
    public int count(String what, int minElementBytes) {
        int at = in.position();
        long n = u32();
        if (n * minElementBytes > in.remaining()) {
            throw new Ros1DecodeException(type, at, what + " length " + n + " needs at least " + n * minElementBytes
                    + " bytes but only " + in.remaining() + " remain");
        }
        return (int) n;
    }

    public String string(String what) {
        int n = count(what, 1);
        if (in.hasArray()) {
            String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
            in.position(in.position() + n);
            return s;
        }
        byte[] b = new byte[n];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    public List<String> strings(String what) {
        int n = count(what, 4);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(string(what + "[" + i + "]"));
        return out;
    }

    public byte[] bytes(String what) {
        byte[] out = new byte[count(what, 1)];
        in.get(out);
        return out;
    }

    public float[] floats(String what) {
        float[] out = new float[count(what, 4)];
        in.asFloatBuffer().get(out);
        in.position(in.position() + 4 * out.length);
        return out;
    }

    public short[] shorts(String what) {
        short[] out = new short[count(what, 2)];
        in.asShortBuffer().get(out);
        in.position(in.position() + 2 * out.length);
        return out;
    }

    public long[] longs(String what) {
        long[] out = new long[count(what, 8)];
        in.asLongBuffer().get(out);
        in.position(in.position() + 8 * out.length);
        return out;
    }

    public boolean[] bools(String what) {
        boolean[] out = new boolean[count(what, 1)];
        for (int i = 0; i < out.length; i++) out[i] = in.get() != 0;
        return out;
    }

    /** std_msgs/Header into the bus header; the seq is ignored (ROS 1 fills it, nobody reads it). */
    public Header header() {
        skip(4, "header.seq");
        long stamp = time();
        int at = offset();
        String frame = string("header.frame_id");
        if (frame.isBlank()) throw new Ros1DecodeException(type, at, "header.frame_id is empty; bus headers need a frame");
        return new Header(stamp, frame);
    }

    /** Skips {@code n} bytes (fields a record has no place for). */
    public void skip(int n, String what) {
        need(n, what);
        in.position(in.position() + n);
    }

    /** The end of the message: anything left over is an error, not something to ignore. */
    public void expectEnd() {
        if (in.hasRemaining()) throw error(in.remaining() + " trailing bytes after the message");
    }
}
