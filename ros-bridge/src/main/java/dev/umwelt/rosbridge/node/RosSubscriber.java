package dev.umwelt.rosbridge.node;

import dev.umwelt.bus.ros1.Ros1Codec;
import io.vertx.core.Future;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One subscribed topic: connects to every publisher the master names (at registration and in
 * publisherUpdate calls) and drops those it no longer names. Messages are decoded and handed to
 * the handler on the node's event loop, in arrival order per publisher. The handler runs on the
 * loop, so a slow handler back-pressures TCP; the publisher's drop-oldest queue then sheds load.
 */
public final class RosSubscriber<T> {
    private static final System.Logger LOG = System.getLogger("dev.umwelt.rosbridge.node");
    private static final long RETRY_MILLIS = 1000;

    private final RosNode node;
    private final String topic;
    private final Ros1Codec<T> codec;
    private final int queueSize;
    private final Consumer<T> onMessage;
    private final Map<String, InboundLink> links = new LinkedHashMap<>(); // by publisher URI; event loop only
    private Set<String> listed = Set.of(); // the master's latest publisher list
    private boolean closed;
    private volatile int connected;
    private volatile long received;
    private long handlerFailures;

    RosSubscriber(RosNode node, String topic, Ros1Codec<T> codec, int queueSize, Consumer<T> onMessage) {
        this.node = node;
        this.topic = topic;
        this.codec = codec;
        this.queueSize = queueSize;
        this.onMessage = onMessage;
    }

    public String topic() { return topic; }
    public Ros1Codec<T> codec() { return codec; }
    public int queueSize() { return queueSize; }

    /** Publishers connected over TCPROS right now (header exchanged). */
    public int publisherCount() {
        return connected;
    }

    /** Messages decoded and handed to the handler so far. */
    public long receivedCount() {
        return received;
    }

    /** Event loop only: connect to publishers newly listed, drop those no longer listed. */
    void updatePublishers(List<String> uris) {
        if (closed) return;
        listed = new LinkedHashSet<>(uris);
        for (String uri : new ArrayList<>(links.keySet())) {
            if (!listed.contains(uri)) links.remove(uri).close();
        }
        int max = node.config().limits().maxTcpRosConnections();
        for (String uri : listed) {
            if (links.containsKey(uri)) continue;
            if (links.size() >= max) {
                node.refusals().refuse("tcpros-publishers", "TCPROS: " + topic + ": " + listed.size() + " publishers listed, connecting to "
                        + max + " (the limit); not to " + uri);
                continue;
            }
            connect(uri);
        }
        recount();
    }

    private void connect(String uri) {
        InboundLink link = new InboundLink(node.nextConnectionId(), node, this, uri);
        links.put(uri, link);
        link.start();
    }

    void linkUp(InboundLink link) {
        recount();
    }

    void linkEnded(InboundLink link, boolean retry) {
        if (links.get(link.publisherUri) == link) links.remove(link.publisherUri);
        recount();
        if (!retry || closed) return;
        node.vertx().setTimer(RETRY_MILLIS, t -> node.onLoop(() -> {
            if (!closed && listed.contains(link.publisherUri) && !links.containsKey(link.publisherUri)) connect(link.publisherUri);
        }));
    }

    private void recount() {
        connected = (int) links.values().stream().filter(InboundLink::connected).count();
    }

    /** Decodes (a malformed message throws, closing that link) and calls the handler. */
    void deliver(byte[] body) {
        T message = codec.decode(ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN));
        received++;
        try {
            onMessage.accept(message);
        } catch (RuntimeException e) {
            // The handler's bug, not the publisher's: keep the connection, log the first and every 1000th.
            if (handlerFailures++ % 1000 == 0) {
                LOG.log(System.Logger.Level.WARNING, "handler of " + topic + " threw (" + handlerFailures + " so far): " + e, e);
            }
        }
    }

    /** Event loop only: a snapshot for getBusInfo/getBusStats. */
    List<InboundLink> links() {
        return List.copyOf(links.values());
    }

    public Future<Void> close() {
        return node.onLoop(() -> {
            if (closed) return Future.succeededFuture();
            closeLocally();
            node.forget(this);
            return node.master().unregisterSubscriber(topic).otherwiseEmpty();
        });
    }

    void closeLocally() {
        closed = true;
        for (InboundLink l : links.values()) l.close();
        links.clear();
        connected = 0;
    }
}
