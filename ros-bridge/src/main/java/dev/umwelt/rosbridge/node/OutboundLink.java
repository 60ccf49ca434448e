package dev.umwelt.rosbridge.node;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.LongAdder;

/**
 * One subscriber connected to one of our publications. Frames go straight to the socket while
 * it keeps up; once Vert.x's write queue is full they wait in a bounded backlog that drops its
 * oldest frame (rospy's queue_size), so a slow subscriber loses messages instead of holding up
 * the publisher or the other subscribers. Event-loop only.
 */
final class OutboundLink {
    /** Bytes Vert.x may hold for the socket before frames wait in the backlog. */
    static final int WRITE_QUEUE_BYTES = 256 * 1024;

    final int id;
    final String subscriberId;
    final String topic;
    private final NetSocket socket;
    private final int capacity;
    private final ArrayDeque<Buffer> backlog = new ArrayDeque<>();
    private boolean closed;
    private LongAdder dropTotal;
    long messagesSent;
    long bytesSent;
    long dropped;

    OutboundLink(int id, String subscriberId, String topic, NetSocket socket, int capacity) {
        this.id = id;
        this.subscriberId = subscriberId;
        this.topic = topic;
        this.socket = socket;
        this.capacity = Math.max(1, capacity);
        socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
        socket.drainHandler(v -> drain());
    }

    void send(Buffer frame) {
        if (closed) return;
        if (backlog.isEmpty() && !socket.writeQueueFull()) {
            write(frame);
            return;
        }
        if (backlog.size() >= capacity) {
            backlog.pollFirst();
            dropped++;
            if (dropTotal != null) dropTotal.increment();
        }
        backlog.addLast(frame);
    }

    void countDropsIn(LongAdder total) {
        this.dropTotal = total;
    }

    private void drain() {
        while (!closed && !backlog.isEmpty() && !socket.writeQueueFull()) write(backlog.pollFirst());
    }

    private void write(Buffer frame) {
        messagesSent++;
        bytesSent += frame.length();
        socket.write(frame);
    }

    int backlog() {
        return backlog.size();
    }

    boolean closed() {
        return closed;
    }

    void close() {
        if (closed) return;
        closed = true;
        backlog.clear();
        socket.close();
    }

    /** Marks the link closed after the peer went away. */
    void closedByPeer() {
        closed = true;
        backlog.clear();
    }
}
