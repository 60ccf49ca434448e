package dev.umwelt.rosbridge.node;

import io.vertx.core.net.NetSocket;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our connection to one publisher of a subscribed topic: requestTopic over XML-RPC, then TCP,
 * header exchange, then length-prefixed messages. Any protocol violation (error header, wrong
 * md5sum, oversized length prefix, truncated header, no header within the header timeout,
 * undecodable message) costs this connection and goes to the node's {@link RefusalLog}; the node
 * goes on. Event-loop only.
 */
final class InboundLink {
    final int id;
    final String publisherUri;
    private final RosNode node;
    private final RosSubscriber<?> subscription;
    private NetSocket socket;
    private FrameReader reader;
    private boolean headerDone;
    private boolean ended;
    private long headerTimer = -1;
    String publisherId = "?";
    long messagesReceived;
    long bytesReceived;

    InboundLink(int id, RosNode node, RosSubscriber<?> subscription, String publisherUri) {
        this.id = id;
        this.node = node;
        this.subscription = subscription;
        this.publisherUri = publisherUri;
    }

    boolean connected() {
        return headerDone && !ended;
    }

    void start() {
        URI uri;
        try {
            uri = URI.create(publisherUri);
        } catch (IllegalArgumentException e) {
            fail("bad publisher URI: " + e.getMessage(), false);
            return;
        }
        node.rpc().call(uri, "requestTopic", List.of(node.callerId(), subscription.topic(), List.of(List.of("TCPROS"))))
                .onComplete(ar -> {
                    if (ended) return;
                    if (ar.failed()) {
                        fail("requestTopic failed: " + ar.cause().getMessage(), false);
                        return;
                    }
                    Object proto;
                    try {
                        proto = MasterClient.unwrap("requestTopic", ar.result());
                    } catch (RosApiException e) {
                        fail(e.getMessage(), false);
                        return;
                    }
                    if (!(proto instanceof List<?> p) || p.size() < 3 || !"TCPROS".equals(p.get(0))
                            || !(p.get(1) instanceof String host) || !(p.get(2) instanceof Integer port)) {
                        fail("requestTopic answered no TCPROS endpoint: " + proto, false);
                        return;
                    }
                    node.net().connect(port, host).onComplete(c -> {
                        if (c.failed()) fail("TCP connect to " + host + ":" + port + " failed: " + c.cause().getMessage(), true);
                        else if (ended) c.result().close();
                        else handshake(c.result());
                    });
                });
    }

    private void handshake(NetSocket s) {
        this.socket = s;
        NodeLimits limits = node.config().limits();
        headerTimer = node.vertx().setTimer(limits.headerTimeout().toMillis(), id -> {
            if (!headerDone) fail("no connection header within " + limits.headerTimeout().toMillis() + " ms", true);
        });
        reader = new FrameReader(limits.maxHeaderBytes(), new FrameReader.Sink() {
            @Override
            public void frame(byte[] body) {
                if (headerDone) message(body);
                else header(body);
            }

            @Override
            public void refuse(String why) {
                fail((headerDone ? "message " : "header ") + why, false);
            }
        });
        s.handler(reader::feed);
        s.closeHandler(v -> {
            if (ended) return;
            if (!headerDone) {
                fail("connection closed inside the header (" + reader.buffered() + " bytes of "
                        + Math.max(0, reader.announced()) + " announced): truncated header", false);
            } else if (reader.buffered() > 0) {
                fail("connection closed inside a message (" + reader.buffered() + " bytes buffered)", true);
            } else {
                end(true); // publisher went away; the master's publisherUpdate says whether it is gone for good
            }
        });
        s.exceptionHandler(e -> fail("socket error: " + e.getMessage(), true));
        var codec = subscription.codec();
        Map<String, String> h = new LinkedHashMap<>();
        h.put("callerid", node.callerId());
        h.put("topic", subscription.topic());
        h.put("md5sum", codec.md5());
        h.put("type", codec.type());
        h.put("message_definition", codec.definition());
        h.put("tcp_nodelay", "1");
        s.write(TcpRosHeader.encode(h));
    }

    private void header(byte[] body) {
        Map<String, String> h;
        try {
            h = TcpRosHeader.decode(body);
        } catch (TcpRosHeader.TcpRosException e) {
            fail(e.getMessage(), false);
            return;
        }
        if (h.containsKey("error")) {
            fail("publisher refused: " + h.get("error"), false);
            return;
        }
        String md5 = h.get("md5sum");
        if (md5 == null || !(md5.equals(subscription.codec().md5()) || md5.equals("*"))) {
            fail("md5sum mismatch: publisher sends " + md5 + " (" + h.get("type") + "), we expect "
                    + subscription.codec().md5() + " (" + subscription.codec().type() + ")", false);
            return;
        }
        publisherId = h.getOrDefault("callerid", publisherUri);
        headerDone = true;
        node.vertx().cancelTimer(headerTimer);
        reader.limit(node.config().maxMessageBytes());
        subscription.linkUp(this);
    }

    private void message(byte[] body) {
        messagesReceived++;
        bytesReceived += body.length + 4L;
        try {
            subscription.deliver(body);
        } catch (RuntimeException e) {
            fail("undecodable message: " + e.getMessage(), false);
        }
    }

    /**
     * Connection closed, logged once per publisher and log period (a retried publisher that keeps
     * failing is summed up, not logged every second); {@code retry}: try again later if the master
     * still lists it.
     */
    private void fail(String why, boolean retry) {
        if (ended) return;
        node.refusals().refuse("tcpros-in " + subscription.topic() + " " + publisherUri,
                "TCPROS: " + subscription.topic() + " from " + publisherUri + ": " + why + "; connection closed");
        end(retry);
    }

    private void end(boolean retry) {
        if (ended) return;
        ended = true;
        if (headerTimer >= 0) node.vertx().cancelTimer(headerTimer);
        if (reader != null) reader.stop();
        if (socket != null) socket.close();
        subscription.linkEnded(this, retry);
    }

    /** Closed by us (unsubscribe, publisher gone from the master's list). */
    void close() {
        if (ended) return;
        ended = true;
        if (headerTimer >= 0) node.vertx().cancelTimer(headerTimer);
        if (reader != null) reader.stop();
        if (socket != null) socket.close();
    }
}
