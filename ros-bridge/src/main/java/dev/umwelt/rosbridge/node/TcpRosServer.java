package dev.umwelt.rosbridge.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Accepts TCPROS connections from subscribers: reads their connection header, checks topic,
 * md5sum ("*" accepted, as rosbag record sends) and type, answers with ours (or an error header,
 * then closes) and hands the socket to the publication. Malformed input costs one log line and
 * that connection; the node goes on.
 */
final class TcpRosServer {
    private static final System.Logger LOG = System.getLogger("dev.umwelt.rosbridge.node");
    /** Connection headers carry the full message definition: tens of kB for big types, never MiBs. */
    static final int MAX_HEADER_BYTES = 1 << 20;

    private final NetServer server;

    private TcpRosServer(NetServer server) {
        this.server = server;
    }

    static Future<TcpRosServer> start(Vertx vertx, String host, String callerId, Function<String, RosPublisher<?>> publications,
                                      IntSupplier connectionIds) {
        NetServer server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(0).setTcpNoDelay(true));
        server.connectHandler(socket -> accept(socket, callerId, publications, connectionIds));
        return server.listen().map(s -> new TcpRosServer(server));
    }

    int port() {
        return server.actualPort();
    }

    Future<Void> close() {
        return server.close();
    }

    private static void accept(NetSocket socket, String callerId, Function<String, RosPublisher<?>> publications, IntSupplier ids) {
        String peer = String.valueOf(socket.remoteAddress());
        boolean[] done = {false};
        FrameReader[] reader = new FrameReader[1];
        reader[0] = new FrameReader(MAX_HEADER_BYTES, new FrameReader.Sink() {
            @Override
            public void frame(byte[] body) {
                if (done[0]) return; // subscribers send nothing after their header; ignore it
                done[0] = true;
                reader[0].stop();
                try {
                    handshake(socket, peer, TcpRosHeader.decode(body), callerId, publications, ids);
                } catch (TcpRosHeader.TcpRosException e) {
                    LOG.log(System.Logger.Level.WARNING, "TCPROS: refused connection from " + peer + ": " + e.getMessage());
                    socket.close();
                }
            }

            @Override
            public void refuse(String why) {
                done[0] = true;
                LOG.log(System.Logger.Level.WARNING, "TCPROS: refused connection from " + peer + ": header " + why);
                socket.close();
            }
        });
        socket.handler(reader[0]::feed);
        socket.closeHandler(v -> {
            if (!done[0] && reader[0].buffered() > 0) {
                LOG.log(System.Logger.Level.WARNING, "TCPROS: connection from " + peer + " closed inside its header ("
                        + reader[0].buffered() + " bytes of " + Math.max(0, reader[0].announced()) + " announced): truncated header");
            }
            done[0] = true;
        });
        socket.exceptionHandler(e -> socket.close());
    }

    private static void handshake(NetSocket socket, String peer, Map<String, String> header, String callerId,
                                  Function<String, RosPublisher<?>> publications, IntSupplier ids) {
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
            LOG.log(System.Logger.Level.WARNING, "TCPROS: refused " + header.getOrDefault("callerid", "?") + " at " + peer + ": " + error);
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
        OutboundLink link = new OutboundLink(ids.getAsInt(), header.getOrDefault("callerid", peer), topic, socket, pub.queueSize());
        socket.closeHandler(v -> {
            link.closedByPeer();
            pub.detach(link);
        });
        pub.attach(link);
    }
}
