package dev.umwelt.rosbridge.node;

import dev.umwelt.bus.ros1.Ros1Buffer;
import dev.umwelt.bus.ros1.Ros1Codec;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * One advertised topic. {@link #publish} may be called from any thread: the message is encoded
 * on the caller's thread, then handed to every connected subscriber's own bounded queue on the
 * node's event loop (a slow subscriber loses its oldest messages, the others are not held up).
 * A latched topic keeps its last message and sends it to each new subscriber first.
 *
 * <p>Why the inbox: a hop onto the loop per message (a task, often a wake-up) and a socket
 * write+flush per message capped throughput near 7k LaserScans/s. Frames published from other
 * threads wait in a lock-free inbox; one loop task takes all that arrived and each connection
 * writes them as one coalesced buffer (one syscall for many frames). A publish on the loop itself
 * (a handler answering a message) is written at once, so latency does not wait for a batch.
 */
public final class RosPublisher<T> {
    private static final ThreadLocal<Ros1Buffer> SCRATCH = ThreadLocal.withInitial(() -> new Ros1Buffer(4096));

    private final RosNode node;
    private final String topic;
    private final Ros1Codec<T> codec;
    private final boolean latched;
    private final int queueSize;
    private final List<OutboundLink> links = new ArrayList<>(); // event loop only
    private Buffer last; // event loop only
    private boolean closed; // event loop only
    private final ConcurrentLinkedQueue<Buffer> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final ArrayList<Buffer> batch = new ArrayList<>(); // event loop only, reused
    private volatile int connections;
    private volatile long published;

    RosPublisher(RosNode node, String topic, Ros1Codec<T> codec, boolean latched, int queueSize) {
        if (queueSize < 1) throw new IllegalArgumentException("queueSize must be >= 1 for " + topic + ": " + queueSize);
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

    /** Messages handed to {@link #publish} and delivered to the event loop so far. */
    public long publishedCount() { return published; }

    public void publish(T message) {
        Ros1Buffer scratch = SCRATCH.get().clear();
        codec.encode(message, scratch);
        int n = scratch.size();
        // One copy: the encoder's scratch array straight into the frame after its length prefix.
        Buffer frame = Buffer.buffer(n + 4).appendIntLE(n).appendBytes(scratch.array(), 0, n);
        if (node.onLoopThread()) {
            drainInbox(); // frames other threads queued first keep their place
            deliver(frame);
            return;
        }
        inbox.offer(frame);
        if (drainScheduled.compareAndSet(false, true)) node.onLoop(this::drainInbox);
    }

    private void drainInbox() {
        drainScheduled.set(false); // before polling: a frame offered after this schedules another drain
        Buffer frame;
        while ((frame = inbox.poll()) != null) batch.add(frame);
        if (batch.isEmpty()) return;
        if (!closed) {
            published += batch.size();
            if (latched) last = batch.get(batch.size() - 1);
            for (int i = 0; i < links.size(); i++) links.get(i).sendAll(batch);
        }
        batch.clear();
    }

    private void deliver(Buffer frame) {
        if (closed) return;
        published++;
        if (latched) last = frame;
        for (int i = 0; i < links.size(); i++) links.get(i).send(frame);
    }

    /** Subscribers connected over TCPROS right now. */
    public int connectionCount() {
        return connections;
    }

    /** Frames dropped so far by slow subscribers' queues (all connections, current and past). */
    public long droppedCount() {
        return drops.sum();
    }

    private final LongAdder drops = new LongAdder();

    void attach(OutboundLink link) {
        if (closed) {
            link.close();
            return;
        }
        link.countDropsIn(drops);
        links.add(link);
        connections = links.size();
        if (latched && last != null) link.send(last);
    }

    void detach(OutboundLink link) {
        links.remove(link);
        connections = links.size();
    }

    /** Event loop only: a snapshot for getBusInfo/getBusStats. */
    List<OutboundLink> links() {
        return List.copyOf(links);
    }

    /** Unregisters from the master and closes every connection. */
    public Future<Void> close() {
        return node.onLoop(() -> {
            if (closed) return Future.succeededFuture();
            closeLocally();
            node.forget(this);
            return node.master().unregisterPublisher(topic).otherwiseEmpty();
        });
    }

    void closeLocally() {
        closed = true;
        inbox.clear();
        for (OutboundLink l : List.copyOf(links)) l.close();
        links.clear();
        connections = 0;
        last = null;
    }
}
