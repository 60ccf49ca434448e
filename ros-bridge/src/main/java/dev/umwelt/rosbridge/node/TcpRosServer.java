package dev.umwelt.rosbridge.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Accepts TCPROS connections from subscribers: reads their connection header, checks topic,
 * md5sum ("*" accepted, as rosbag record sends) and type, answers with ours (or an error header,
 * then closes) and hands the socket to the publication. Bounded by {@link NodeLimits}: at most
 * {@code maxTcpRosConnections} open at once (more are closed on accept), a header of at most
 * {@code maxHeaderBytes} that must be complete within {@code headerTimeout} of connecting. Every
 * refusal closes that connection and goes to the {@link RefusalLog}; the node goes on.
 */
final class TcpRosServer {
    private final Vertx vertx;
    private final NetServer server;
    private final NodeLimits limits;
    private final RefusalLog refusals;
    private final String callerId;
    private final Function<String, RosPublisher<?>> publications;
    private final IntSupplier ids;
    private final AtomicInteger open = new AtomicInteger();

    private TcpRosServer(Vertx vertx, NetServer server, NodeLimits limits, RefusalLog refusals, String callerId,
                         Function<String, RosPublisher<?>> publications, IntSupplier ids) {
        this.vertx = vertx;
        this.server = server;
        this.limits = limits;
        this.refusals = refusals;
        this.callerId = callerId;
        this.publications = publications;
        this.ids = ids;
    }

    static Future<TcpRosServer> start(Vertx vertx, String host, NodeLimits limits, RefusalLog refusals, String callerId,
                                      Function<String, RosPublisher<?>> publications, IntSupplier connectionIds) {
        NetServer server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(0).setTcpNoDelay(true));
        TcpRosServer tcpros = new TcpRosServer(vertx, server, limits, refusals, callerId, publications, connectionIds);
        server.connectHandler(tcpros::accept);
        return server.listen().map(s -> tcpros);
    }

    int port() {
        return server.actualPort();
    }

    /** Connections open now: subscribers plus those still sending their header. */
    int openConnections() {
        return open.get();
    }

    Future<Void> close() {
        return server.close();
    }

    private void accept(NetSocket socket) {
        String peer = String.valueOf(socket.remoteAddress());
        int now = open.get();
        if (now >= limits.maxTcpRosConnections()) {
            refusals.refuse("tcpros-connections", "TCPROS: refused connection from " + peer + ": " + now
                    + " connections open, the limit is " + limits.maxTcpRosConnections());
            socket.close();
            return;
        }
        open.incrementAndGet();
        new Incoming(socket, peer).begin();
    }

    /** One accepted connection, from its header to its end. Event-loop only. */
    private final class Incoming {
        final NetSocket socket;
        final String peer;
        final FrameReader reader;
        boolean headerDone;
        long timer;
        RosPublisher<?> publication;
        OutboundLink link;

        Incoming(NetSocket socket, String peer) {
            this.socket = socket;
            this.peer = peer;
            this.reader = new FrameReader(limits.maxHeaderBytes(), new FrameReader.Sink() {
                @Override
                public void frame(byte[] body) {
                    header(body);
                }

                @Override
                public void refuse(String why) {
                    refused("tcpros-header-size", "header " + why);
                }
            });
        }

        void begin() {
            timer = vertx.setTimer(limits.headerTimeout().toMillis(), id -> {
                if (!headerDone) {
                    refused("tcpros-header-timeout", "no complete connection header within " + limits.headerTimeout().toMillis()
                            + " ms (" + reader.buffered() + " bytes received)");
                }
            });
            socket.handler(reader::feed);
            socket.closeHandler(v -> closed());
            socket.exceptionHandler(e -> socket.close());
        }

        private void closed() {
            open.decrementAndGet();
            vertx.cancelTimer(timer);
            if (link != null) {
                link.closedByPeer();
                publication.detach(link);
            } else if (!headerDone && reader.buffered() > 0) {
                refusals.refuse("tcpros-header-truncated", "TCPROS: connection from " + peer + " closed inside its header ("
                        + reader.buffered() + " bytes of " + Math.max(0, reader.announced()) + " announced): truncated header");
            }
            headerDone = true;
        }

        private void refused(String kind, String why) {
            headerDone = true;
            reader.stop();
            vertx.cancelTimer(timer);
            refusals.refuse(kind, "TCPROS: refused connection from " + peer + ": " + why);
            socket.close();
        }

        private void header(byte[] body) {
            headerDone = true;
            reader.stop(); // subscribers send nothing after their header; anything more is ignored
            vertx.cancelTimer(timer);
            Map<String, String> header;
            try {
                header = TcpRosHeader.decode(body);
            } catch (TcpRosHeader.TcpRosException e) {
                refusals.refuse("tcpros-header-malformed", "TCPROS: refused connection from " + peer + ": " + e.getMessage());
                socket.close();
                return;
            }
            handshake(header);
        }

        private void handshake(Map<String, String> header) {
            String topic = header.get("topic");
            String md5 = header.get("md5sum");
            String type = header.get("type");
            RosPublisher<?> pub = topic == null ? null : publications.apply(topic);
            String error = null;
            if (topic == null || md5 == null) error = "header lacks " + (topic == null ? "topic" : "md5sum");
            else if (pub == null) error = callerId + " does not publish " + topic;
            else if (!md5.equals("*") && !md5.equals(pub.codec().md5())) {
                error = "md5sum mismatch on " + topic + ": subscriber has " + md5 + " (" + type + "), publisher "
                        + pub.codec().md5() + " (" + pub.codec().type() + ")";
            } else if (type != null && !type.equals("*") && !type.equals(pub.codec().type())) {
                error = "type mismatch on " + topic + ": subscriber has " + type + ", publisher " + pub.codec().type();
            }
            if (error != null) {
                refusals.refuse("tcpros-handshake", "TCPROS: refused " + header.getOrDefault("callerid", "?") + " at " + peer + ": " + error);
                Map<String, String> refusal = new LinkedHashMap<>();
                refusal.put("error", error);
                socket.write(TcpRosHeader.encode(refusal)).onComplete(ar -> socket.close());
                return;
            }
            Map<String, String> reply = new LinkedHashMap<>();
            reply.put("callerid", callerId);
            reply.put("latching", pub.latched() ? "1" : "0");
            reply.put("md5sum", pub.codec().md5());
            reply.put("message_definition", pub.codec().definition());
            reply.put("topic", topic);
            reply.put("type", pub.codec().type());
            socket.write(TcpRosHeader.encode(reply));
            publication = pub;
            link = new OutboundLink(ids.getAsInt(), header.getOrDefault("callerid", peer), topic, socket, pub.queueSize());
            pub.attach(link);
        }
    }
}
