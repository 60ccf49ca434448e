package dev.umwelt.rosbridge.node;

import dev.umwelt.bus.ros1.Ros1Codec;
import io.vertx.core.Future;

import java.util.function.Consumer;

/** One subscribed topic: connects to every publisher the master names; handlers run on the node's event loop. */
public final class RosSubscriber<T> {
    private final RosNode node;
    private final String topic;
    private final Ros1Codec<T> codec;
    private final Consumer<T> onMessage;

    RosSubscriber(RosNode node, String topic, Ros1Codec<T> codec, Consumer<T> onMessage) {
        this.node = node;
        this.topic = topic;
        this.codec = codec;
        this.onMessage = onMessage;
    }

    public String topic() { return topic; }
    public Ros1Codec<T> codec() { return codec; }

    /** Publishers connected over TCPROS right now (header exchanged). */
    public int publisherCount() {
        return 0;
    }

    public Future<Void> close() {
        return Future.failedFuture("not yet");
    }
}
