package dev.umwelt.rosbridge.node.xmlrpc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.util.function.Function;

/**
 * An XML-RPC endpoint on Vert.x's HTTP server. Requests run on the server's event loop (the
 * caller's context when started from one); the handler returns a Future so nothing blocks.
 * Garbage, oversized bodies and handler failures become XML-RPC faults with one log line each;
 * the server keeps serving.
 */
public final class XmlRpcServer {
    private static final System.Logger LOG = System.getLogger("dev.umwelt.rosbridge.node");
    private final HttpServer http;

    private XmlRpcServer(HttpServer http) {
        this.http = http;
    }

    public static Future<XmlRpcServer> start(Vertx vertx, String host, int maxRequestBytes, Function<XmlRpcCall, Future<Object>> handler) {
        HttpServer http = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(0).setTcpNoDelay(true));
        http.requestHandler(req -> serve(req, maxRequestBytes, handler));
        return http.listen().map(s -> new XmlRpcServer(http));
    }

    public int port() {
        return http.actualPort();
    }

    public Future<Void> close() {
        return http.close();
    }

    private static void serve(HttpServerRequest req, int maxBytes, Function<XmlRpcCall, Future<Object>> handler) {
        String peer = String.valueOf(req.remoteAddress());
        if (req.method() != HttpMethod.POST) {
            LOG.log(System.Logger.Level.WARNING, "XML-RPC: refused " + req.method() + " from " + peer + " (only POST)");
            req.response().setStatusCode(405).end();
            return;
        }
        String declared = req.getHeader("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > maxBytes) {
            refuse(req, peer, "request of " + declared + " bytes is over the " + maxBytes + "-byte limit");
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] over = {false};
        req.handler(chunk -> {
            if (over[0]) return;
            if (body.length() + chunk.length() > maxBytes) {
                over[0] = true;
                refuse(req, peer, "request body is over the " + maxBytes + "-byte limit");
            } else body.appendBuffer(chunk);
        });
        req.endHandler(v -> {
            if (over[0]) return;
            XmlRpcCall call;
            try {
                call = XmlRpc.decodeCall(body.getBytes());
            } catch (XmlRpcException e) {
                refuse(req, peer, e.getMessage());
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
                    LOG.log(System.Logger.Level.WARNING, "XML-RPC: " + call.method() + " from " + peer + " failed: " + ar.cause().getMessage());
                    out = XmlRpc.encodeFault(1, call.method() + ": " + ar.cause().getMessage());
                }
                reply(req, out);
            });
        });
    }

    private static void refuse(HttpServerRequest req, String peer, String why) {
        LOG.log(System.Logger.Level.WARNING, "XML-RPC: refused request from " + peer + ": " + why);
        reply(req, XmlRpc.encodeFault(1, "malformed request: " + why));
    }

    private static void reply(HttpServerRequest req, byte[] out) {
        if (req.response().ended() || req.response().closed()) return;
        req.response().putHeader("Content-Type", "text/xml").end(Buffer.buffer(out));
    }
}
