package dev.umwelt.rosbridge.node;

import dev.umwelt.bus.ros1.Ros1Codec;
import io.vertx.core.Future;

/**
 * One advertised topic. {@link #publish} may be called from any thread: the message is encoded
 * on the caller's thread, then handed to every connected subscriber's own bounded queue on the
 * node's event loop (a slow subscriber loses its oldest messages, the others are not held up).
 */
public final class RosPublisher<T> {
    private final RosNode node;
    private final String topic;
    private final Ros1Codec<T> codec;
    private final boolean latched;
    private final int queueSize;

    RosPublisher(RosNode node, String topic, Ros1Codec<T> codec, boolean latched, int queueSize) {
        this.node = node;
        this.topic = topic;
        this.codec = codec;
        this.latched = latched;
        this.queueSize = queueSize;
    }

    public String topic() { return topic; }
    public Ros1Codec<T> codec() { return codec; }
    public boolean latched() { return latched; }
    public int queueSize() { return queueSize; }

    public void publish(T message) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Subscribers connected over TCPROS right now. */
    public int connectionCount() {
        return 0;
    }

    /** Unregisters from the master and closes every connection. */
    public Future<Void> close() {
        return Future.failedFuture("not yet");
    }
}
