package dev.umwelt.bus.codec;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Passes a record by reference on the local event bus: no copy, no serialization. Safe because
 * messages are immutable records (arrays inside them are never mutated after publication).
 * Sensor streams stay local by design; clustered transport carries whole episodes, encoded in
 * the ROS 1 wire format, never these objects.
 */
public final class LocalCodec<T> implements MessageCodec<T, T> {
    private final Class<T> type;

    public LocalCodec(Class<T> type) {
        this.type = type;
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public void encodeToWire(Buffer buffer, T t) {
        throw new UnsupportedOperationException(type.getSimpleName()
                + " travels only on the local event bus; encode it with the ROS 1 wire format to send it off-process");
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        throw new UnsupportedOperationException(type.getSimpleName() + " has no wire decoding on the event bus");
    }

    @Override
    public T transform(T t) {
        return t;
    }

    @Override
    public String name() {
        return "umwelt.local." + type.getName();
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
