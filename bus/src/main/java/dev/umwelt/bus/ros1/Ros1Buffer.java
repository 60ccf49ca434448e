package dev.umwelt.bus.ros1;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * A growable little-endian writer for the ROS 1 wire format. Reuse one per thread and
 * {@link #clear()} it between messages: writes go straight into one byte array, strings are
 * UTF-8 encoded in place, so encoding allocates nothing once the buffer has grown.
 */
public final class Ros1Buffer {
    private static final long NANOS = 1_000_000_000L;
    private byte[] bytes;
    private ByteBuffer le;

    public Ros1Buffer() {
        this(256);
    }

    public Ros1Buffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
        le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    public Ros1Buffer clear() {
        le.clear();
        return this;
    }

    public int size() {
        return le.position();
    }

    /** The written bytes as a fresh array. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, le.position());
    }

    /**
     * The backing array itself (bytes [0, {@link #size()}) are the message), valid until the next
     * write: lets a caller copy the message once into its own frame instead of via {@link #toByteArray()}.
     */
    public byte[] array() {
        return bytes;
    }

    /** A read-only little-endian view of the written bytes, valid until the next write. */
    public ByteBuffer view() {
        return ByteBuffer.wrap(bytes, 0, le.position()).slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    private void ensure(long more) {
        long need = (long) le.position() + more;
        if (need <= bytes.length) return;
        if (need > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("ROS 1 message over 2 GiB: " + need + " bytes");
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, (long) bytes.length * 2));
        int pos = le.position();
        bytes = Arrays.copyOf(bytes, cap);
        le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).position(pos);
    }

    public Ros1Buffer bool(boolean v) { return u8(v ? 1 : 0); }
    public Ros1Buffer u8(int v) { ensure(1); le.put((byte) v); return this; }
    public Ros1Buffer i16(short v) { ensure(2); le.putShort(v); return this; }
    public Ros1Buffer i32(int v) { ensure(4); le.putInt(v); return this; }
    public Ros1Buffer i64(long v) { ensure(8); le.putLong(v); return this; }
    public Ros1Buffer f32(float v) { ensure(4); le.putFloat(v); return this; }
    public Ros1Buffer f64(double v) { ensure(8); le.putDouble(v); return this; }

    public Ros1Buffer u32(long v) {
        if (v < 0 || v > 0xffff_ffffL) throw new IllegalArgumentException("uint32 out of range: " + v);
        return i32((int) v);
    }

    /** ROS time (uint32 secs, uint32 nsecs) from nanoseconds since the epoch. */
    public Ros1Buffer time(long nanos) {
        if (nanos < 0 || nanos / NANOS > 0xffff_ffffL) throw new IllegalArgumentException("ROS time out of range: " + nanos + " ns");
        return i32((int) (nanos / NANOS)).i32((int) (nanos % NANOS));
    }

    /** ROS duration (int32 secs, int32 nsecs, nsecs normalized into [0, 1e9) as roscpp does). */
    public Ros1Buffer duration(long nanos) {
        long secs = Math.floorDiv(nanos, NANOS);
        if (secs < Integer.MIN_VALUE || secs > Integer.MAX_VALUE) throw new IllegalArgumentException("ROS duration out of range: " + nanos + " ns");
        return i32((int) secs).i32((int) Math.floorMod(nanos, NANOS));
    }

    /** uint32 length, then UTF-8 bytes (encoded in place; unpaired surrogates become '?'). */
    public Ros1Buffer string(String s) {
        int n = s.length();
        ensure(4L + 3L * n);
        int lengthAt = le.position();
        le.position(lengthAt + 4);
        int p = le.position();
        byte[] b = bytes;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) b[p++] = (byte) c;
            else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xf0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3f);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3f);
                b[p++] = (byte) (0x80 | cp & 0x3f);
            } else if (Character.isSurrogate(c)) b[p++] = '?';
            else {
                b[p++] = (byte) (0xe0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[p++] = (byte) (0x80 | c & 0x3f);
            }
        }
        le.putInt(lengthAt, p - lengthAt - 4);
        le.position(p);
        return this;
    }

    public Ros1Buffer strings(List<String> values) {
        u32(values.size());
        for (int i = 0; i < values.size(); i++) string(values.get(i));
        return this;
    }

    /** A variable-length uint8[]/byte[]: count, then the bytes. */
    public Ros1Buffer bytes(byte[] v) {
        u32(v.length);
        ensure(v.length);
        le.put(v);
        return this;
    }

    /** float32[]: count, then the raw bits (NaN payloads and infinities preserved). */
    public Ros1Buffer floats(float[] v) {
        u32(v.length);
        ensure(4L * v.length);
        for (float f : v) le.putFloat(f);
        return this;
    }

    public Ros1Buffer shorts(short[] v) {
        u32(v.length);
        ensure(2L * v.length);
        for (short s : v) le.putShort(s);
        return this;
    }

    public Ros1Buffer longs(long[] v) {
        u32(v.length);
        ensure(8L * v.length);
        for (long x : v) le.putLong(x);
        return this;
    }

    public Ros1Buffer bools(boolean[] v) {
        u32(v.length);
        ensure(v.length);
        for (boolean x : v) le.put((byte) (x ? 1 : 0));
        return this;
    }

    /** std_msgs/Header: seq (always 0: ROS 1 fills it, nobody reads it), stamp, frame_id. */
    public Ros1Buffer header(long stampNanos, String frameId) {
        return i32(0).time(stampNanos).string(frameId);
    }
}
