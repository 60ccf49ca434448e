package dev.umwelt.bus.ros1;

import java.nio.ByteBuffer;

/**
 * Maps a bus record to and from one ROS 1 message type in the little-endian ROS 1 wire
 * format. {@link #decode} reads exactly one message from the buffer's remaining bytes (without
 * moving its position) and throws {@link Ros1DecodeException} for anything malformed:
 * truncation, lengths beyond the data, trailing bytes, values the record cannot hold.
 */
public interface Ros1Codec<T> {
    /** The ROS type, {@code pkg/Name}. */
    String type();

    String md5();

    /** The full definition text (connection header {@code message_definition}, MCAP ros1msg schema). */
    String definition();

    void encode(T value, Ros1Buffer out);

    T decode(ByteBuffer in);

    /** Convenience: one message as a fresh array. */
    default byte[] encode(T value) {
        Ros1Buffer b = new Ros1Buffer();
        encode(value, b);
        return b.toByteArray();
    }
}
