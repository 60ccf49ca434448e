package dev.umwelt.rosbridge.node;

import dev.umwelt.bus.ros1.Ros1Codec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.function.Consumer;

/**
 * A ROS 1 node on Vert.x: XML-RPC slave API server, master API client, TCPROS publishers and
 * subscribers. All state lives on one event-loop context; handlers run there.
 */
public final class RosNode {
    private RosNode() {}

    public static Future<RosNode> start(Vertx vertx, NodeConfig config) {
        return Future.failedFuture("not yet");
    }

    public <T> Future<RosPublisher<T>> advertise(String topic, Ros1Codec<T> codec, boolean latched, int queueSize) {
        return Future.failedFuture("not yet");
    }

    public <T> Future<RosSubscriber<T>> subscribe(String topic, Ros1Codec<T> codec, int queueSize, Consumer<T> onMessage) {
        return Future.failedFuture("not yet");
    }

    public Future<Object> getParam(String key) {
        return Future.failedFuture("not yet");
    }

    public Future<Void> setParam(String key, Object value) {
        return Future.failedFuture("not yet");
    }

    public Future<Void> shutdown() {
        return Future.failedFuture("not yet");
    }
}
