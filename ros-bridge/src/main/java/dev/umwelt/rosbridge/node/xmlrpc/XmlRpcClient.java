package dev.umwelt.rosbridge.node.xmlrpc;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * XML-RPC over Vert.x's HTTP/1.1 client. No keep-alive: rosmaster and rospy are Python HTTP
 * servers that may close an idle connection at any time, and a pooled connection closed under
 * a request fails it; a fresh loopback connection per call costs ~0.1 ms.
 */
public final class XmlRpcClient {
    private final HttpClient http;
    private final Duration timeout;
    private final int maxResponseBytes;

    public XmlRpcClient(Vertx vertx, Duration timeout, int maxResponseBytes) {
        this.http = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(false).setTcpNoDelay(true).setConnectTimeout((int) Math.min(timeout.toMillis(), Integer.MAX_VALUE)));
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** Calls {@code method} at {@code uri}; fails with {@link XmlRpcFault}, {@link XmlRpcException} or an I/O error. */
    public Future<Object> call(URI uri, String method, List<?> params) {
        byte[] body;
        try {
            body = XmlRpc.encodeCall(method, params);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(uri.getHost()).setPort(port)
                .setURI(path).setIdleTimeout(timeout.toMillis()).putHeader("Content-Type", "text/xml");
        Future<Object> result = http.request(options).compose(req -> req.send(Buffer.buffer(body))).compose(resp -> {
            if (resp.statusCode() != 200) {
                resp.resume();
                return Future.failedFuture(new XmlRpcException(uri + " " + method + ": HTTP " + resp.statusCode() + " " + resp.statusMessage()));
            }
            Promise<Object> done = Promise.promise();
            Buffer acc = Buffer.buffer();
            resp.handler(chunk -> {
                if (acc.length() + chunk.length() > maxResponseBytes) {
                    done.tryFail(new XmlRpcException(uri + " " + method + ": response over " + maxResponseBytes + " bytes"));
                    resp.request().connection().close();
                } else acc.appendBuffer(chunk);
            });
            resp.exceptionHandler(done::tryFail);
            resp.endHandler(v -> {
                try {
                    done.tryComplete(XmlRpc.decodeResponse(acc.getBytes()));
                } catch (XmlRpcFault f) {
                    done.tryFail(f);
                } catch (XmlRpcException e) {
                    done.tryFail(new XmlRpcException(uri + " " + method + ": " + e.getMessage(), e));
                }
            });
            return done.future();
        });
        return result.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Future<Void> close() {
        return http.close();
    }
}
