package dev.umwelt.rosbridge.node.xmlrpc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * An XML-RPC endpoint on Vert.x's HTTP server. Requests run on the server's event loop (the
 * caller's context when started from one); the handler returns a Future so nothing blocks.
 * Garbage, oversized bodies and handler failures become XML-RPC faults; the server keeps
 * serving. Bounded by {@link Limits}: connections held at once, the time a connection has to
 * deliver each whole request, one request's body, and all bodies being received together (twice
 * one body), so the memory peers can make it hold is fixed. Refusals go to a sink taking a kind
 * and a line (the node's rate-limited log); the short form logs each one.
 */
public final class XmlRpcServer {
    private static final System.Logger LOG = System.getLogger("dev.umwelt.rosbridge.node");

    /**
     * @param maxRequestBytes largest request body; all bodies being received at once may hold twice this
     * @param maxConnections  HTTP connections held at once; more are closed when they open
     * @param requestTimeout  a connection must deliver a whole request within this long of opening
     *                        or of its previous answer (so an idle kept-alive one is closed after it
     *                        too, without a log line)
     */
    public record Limits(int maxRequestBytes, int maxConnections, Duration requestTimeout) {
        public Limits {
            if (maxRequestBytes < 1024) throw new IllegalArgumentException("maxRequestBytes < 1024: " + maxRequestBytes);
            if (maxConnections < 1) throw new IllegalArgumentException("maxConnections < 1: " + maxConnections);
            if (requestTimeout.toMillis() < 1) throw new IllegalArgumentException("requestTimeout < 1 ms: " + requestTimeout);
        }
    }

    private final Vertx vertx;
    private final HttpServer http;
    private final Limits limits;
    private final BiConsumer<String, String> refusals;
    private final Function<XmlRpcCall, Future<Object>> handler;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong receiving = new AtomicLong();
    private final Map<HttpConnection, Peer> peers = new ConcurrentHashMap<>();

    private XmlRpcServer(Vertx vertx, HttpServer http, Limits limits, BiConsumer<String, String> refusals,
                         Function<XmlRpcCall, Future<Object>> handler) {
        this.vertx = vertx;
        this.http = http;
        this.limits = limits;
        this.refusals = refusals;
        this.handler = handler;
    }

    /** 64 connections, 5 s per request, each refusal logged. */
    public static Future<XmlRpcServer> start(Vertx vertx, String host, int maxRequestBytes, Function<XmlRpcCall, Future<Object>> handler) {
        return start(vertx, host, new Limits(maxRequestBytes, 64, Duration.ofSeconds(5)),
                (kind, line) -> LOG.log(System.Logger.Level.WARNING, line), handler);
    }

    public static Future<XmlRpcServer> start(Vertx vertx, String host, Limits limits, BiConsumer<String, String> refusals,
                                             Function<XmlRpcCall, Future<Object>> handler) {
        // h2c off: with it the server waits for a peer's first bytes (to tell HTTP/1 from HTTP/2) before
        // it calls connectionHandler, so a silent connection would escape the cap and the deadline. The
        // idle timeout (twice the deadline, which logs) is the backstop for a connection that gets no further.
        HttpServer http = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(0).setTcpNoDelay(true)
                .setHttp2ClearTextEnabled(false).setIdleTimeout((int) Math.min(Integer.MAX_VALUE, 2 * limits.requestTimeout().toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
        XmlRpcServer server = new XmlRpcServer(vertx, http, limits, refusals, handler);
        http.connectionHandler(server::connected);
        http.requestHandler(server::serve);
        return http.listen().map(s -> server);
    }

    public int port() {
        return http.actualPort();
    }

    public Future<Void> close() {
        return http.close();
    }

    /** One HTTP connection: its request deadline and the body bytes it holds. */
    private final class Peer {
        final HttpConnection connection;
        final String address;
        long timer = -1;
        long held;

        Peer(HttpConnection connection) {
            this.connection = connection;
            this.address = String.valueOf(connection.remoteAddress());
        }

        /**
         * Waits for the next whole request. A connection kept alive after an answer (Java's and
         * Python's clients pool them) is closed at the deadline too, but that is no refusal: no log.
         */
        void awaitRequest(boolean answered) {
            cancel();
            timer = vertx.setTimer(limits.requestTimeout().toMillis(), id -> {
                if (!answered) {
                    refusals.accept("xmlrpc-timeout", "XML-RPC: closed the connection from " + address + ": no whole request within "
                            + limits.requestTimeout().toMillis() + " ms");
                }
                connection.close();
            });
        }

        void cancel() {
            if (timer >= 0) vertx.cancelTimer(timer);
            timer = -1;
        }

        void release() {
            receiving.addAndGet(-held);
            held = 0;
        }
    }

    private void connected(HttpConnection connection) {
        int now = open.incrementAndGet();
        if (now > limits.maxConnections()) {
            open.decrementAndGet();
            refusals.accept("xmlrpc-connections", "XML-RPC: refused connection from " + connection.remoteAddress() + ": "
                    + (now - 1) + " connections open, the limit is " + limits.maxConnections());
            connection.close();
            return;
        }
        Peer peer = new Peer(connection);
        peers.put(connection, peer);
        peer.awaitRequest(false);
        connection.closeHandler(v -> {
            open.decrementAndGet();
            peers.remove(connection);
            peer.cancel();
            peer.release();
        });
    }

    private void serve(HttpServerRequest req) {
        Peer peer = peers.get(req.connection());
        if (peer == null) { // refused at connect
            req.connection().close();
            return;
        }
        if (req.method() != HttpMethod.POST) {
            refusals.accept("xmlrpc-method", "XML-RPC: refused " + req.method() + " from " + peer.address + " (only POST)");
            req.response().setStatusCode(405).end();
            peer.awaitRequest(true);
            return;
        }
        int maxBytes = limits.maxRequestBytes();
        String declared = req.getHeader("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > maxBytes) {
            refuse(req, peer, "xmlrpc-body-size", "request of " + declared + " bytes is over the " + maxBytes + "-byte limit");
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] over = {false};
        req.handler(chunk -> {
            if (over[0]) return;
            if (peer.held + chunk.length() > maxBytes) {
                over[0] = true;
                refuse(req, peer, "xmlrpc-body-size", "request body is over the " + maxBytes + "-byte limit");
            } else if (receiving.addAndGet(chunk.length()) > 2L * maxBytes) {
                receiving.addAndGet(-chunk.length());
                over[0] = true;
                refuse(req, peer, "xmlrpc-busy", "requests being received hold over " + 2L * maxBytes + " bytes together");
            } else {
                peer.held += chunk.length();
                body.appendBuffer(chunk);
            }
        });
        req.endHandler(v -> {
            if (over[0]) return;
            peer.cancel(); // the request is whole; the deadline starts again at the answer
            byte[] bytes = body.getBytes();
            peer.release();
            answer(req, peer, bytes);
        });
    }

    private void answer(HttpServerRequest req, Peer peer, byte[] bytes) {
        XmlRpcCall call;
        try {
            call = XmlRpc.decodeCall(bytes);
        } catch (XmlRpcException e) {
            refuse(req, peer, "xmlrpc-malformed", e.getMessage());
            return;
        }
        Future<Object> result;
        try {
            result = handler.apply(call);
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        result.onComplete(ar -> {
            byte[] out;
            if (ar.succeeded()) {
                try {
                    out = XmlRpc.encodeResponse(ar.result());
                } catch (IllegalArgumentException e) {
                    out = XmlRpc.encodeFault(1, call.method() + ": " + e.getMessage());
                }
            } else {
                refusals.accept("xmlrpc-call-failed", "XML-RPC: " + call.method() + " from " + peer.address + " failed: "
                        + ar.cause().getMessage());
                out = XmlRpc.encodeFault(1, call.method() + ": " + ar.cause().getMessage());
            }
            reply(req, peer, out);
        });
    }

    private void refuse(HttpServerRequest req, Peer peer, String kind, String why) {
        refusals.accept(kind, "XML-RPC: refused request from " + peer.address + ": " + why);
        peer.release();
        reply(req, peer, XmlRpc.encodeFault(1, "malformed request: " + why));
    }

    private void reply(HttpServerRequest req, Peer peer, byte[] out) {
        if (req.response().ended() || req.response().closed()) return;
        req.response().putHeader("Content-Type", "text/xml").end(Buffer.buffer(out));
        peer.awaitRequest(true);
    }
}
