package dev.umwelt.rosbridge.node;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * One subscriber connected to one of our publications. Frames go straight to the socket while
 * it keeps up; once Vert.x's write queue is full they wait in a bounded backlog that drops its
 * oldest frame (rospy's queue_size), so a slow subscriber loses messages instead of holding up
 * the publisher or the other subscribers. Frames that arrive together (a batch from the
 * publisher's inbox, the backlog after a drain) are coalesced into writes of up to
 * {@link #COALESCE_BYTES}: a write+flush per 1.5 kB frame cost one syscall each. Event-loop only.
 */
final class OutboundLink {
    /** Bytes Vert.x may hold for the socket before frames wait in the backlog. */
    static final int WRITE_QUEUE_BYTES = 256 * 1024;
    /** Most bytes gathered into one socket write. */
    static final int COALESCE_BYTES = 64 * 1024;

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
            write(frame, 1);
            return;
        }
        enqueue(frame);
    }

    /** Frames published together: written coalesced while the socket takes them, the rest queued. */
    void sendAll(List<Buffer> frames) {
        if (closed) return;
        int i = 0;
        if (backlog.isEmpty()) {
            while (i < frames.size() && !socket.writeQueueFull()) {
                int start = i;
                int bytes = 0;
                while (i < frames.size() && (i == start || bytes + frames.get(i).length() <= COALESCE_BYTES)) {
                    bytes += frames.get(i++).length();
                }
                write(coalesce(frames, start, i, bytes), i - start);
            }
        }
        // Only the newest `capacity` can survive the drop-oldest backlog: skip the rest up front.
        int skip = Math.max(0, frames.size() - i - capacity);
        if (skip > 0) countDrops(skip);
        for (i += skip; i < frames.size(); i++) enqueue(frames.get(i));
    }

    private static Buffer coalesce(List<Buffer> frames, int from, int to, int bytes) {
        if (to - from == 1) return frames.get(from);
        Buffer out = Buffer.buffer(bytes);
        for (int k = from; k < to; k++) out.appendBuffer(frames.get(k));
        return out;
    }

    private void enqueue(Buffer frame) {
        if (backlog.size() >= capacity) {
            backlog.pollFirst();
            countDrops(1);
        }
        backlog.addLast(frame);
    }

    private void countDrops(int n) {
        dropped += n;
        if (dropTotal != null) dropTotal.add(n);
    }

    void countDropsIn(LongAdder total) {
        this.dropTotal = total;
    }

    private void drain() {
        while (!closed && !backlog.isEmpty() && !socket.writeQueueFull()) {
            Buffer first = backlog.pollFirst();
            if (backlog.isEmpty() || first.length() + backlog.peekFirst().length() > COALESCE_BYTES) {
                write(first, 1);
                continue;
            }
            Buffer out = Buffer.buffer(COALESCE_BYTES).appendBuffer(first);
            int frames = 1;
            while (!backlog.isEmpty() && out.length() + backlog.peekFirst().length() <= COALESCE_BYTES) {
                out.appendBuffer(backlog.pollFirst());
                frames++;
            }
            write(out, frames);
        }
    }

    private void write(Buffer bytes, int frames) {
        messagesSent += frames;
        bytesSent += bytes.length();
        socket.write(bytes);
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
