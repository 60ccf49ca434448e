package dev.umwelt.rosbridge.node;

import dev.umwelt.rosbridge.node.xmlrpc.XmlRpcClient;
import io.vertx.core.Future;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ROS master API (registration and graph state) and parameter server API, as one node
 * sees them: every call carries the node's caller id. Answers are {@code [code, status, value]};
 * codes other than 1 fail the future with {@link RosApiException}.
 */
public final class MasterClient {
    private final XmlRpcClient rpc;
    private final URI masterUri;
    private final String callerId;
    private final String callerApi;

    MasterClient(XmlRpcClient rpc, URI masterUri, String callerId, String callerApi) {
        this.rpc = rpc;
        this.masterUri = masterUri;
        this.callerId = callerId;
        this.callerApi = callerApi;
    }

    /** The graph as the master sees it: topic -> node names, per role. */
    public record SystemState(Map<String, List<String>> publishers, Map<String, List<String>> subscribers,
                              Map<String, List<String>> services) {}

    public URI uri() { return masterUri; }

    Future<Object> call(String method, Object... params) {
        List<Object> args = new ArrayList<>(params.length + 1);
        args.add(callerId);
        args.addAll(List.of(params));
        return rpc.call(masterUri, method, args).map(r -> unwrap(method, r));
    }

    static Object unwrap(String method, Object response) {
        if (!(response instanceof List<?> l) || l.size() != 3 || !(l.get(0) instanceof Integer code)) {
            throw new RosApiException(method, -1, "answer is not [code, status, value]: " + response);
        }
        if (code != 1) throw new RosApiException(method, code, String.valueOf(l.get(1)));
        return l.get(2);
    }

    /** Returns the current subscribers' XML-RPC URIs. */
    public Future<List<String>> registerPublisher(String topic, String type) {
        return call("registerPublisher", topic, type, callerApi).map(MasterClient::strings);
    }

    public Future<Void> unregisterPublisher(String topic) {
        return call("unregisterPublisher", topic, callerApi).mapEmpty();
    }

    /** Returns the current publishers' XML-RPC URIs. */
    public Future<List<String>> registerSubscriber(String topic, String type) {
        return call("registerSubscriber", topic, type, callerApi).map(MasterClient::strings);
    }

    public Future<Void> unregisterSubscriber(String topic) {
        return call("unregisterSubscriber", topic, callerApi).mapEmpty();
    }

    /** A node's XML-RPC URI; fails with code -1 for an unknown node. */
    public Future<String> lookupNode(String nodeName) {
        return call("lookupNode", nodeName).map(String::valueOf);
    }

    /** Topic -> type, of every topic the master knows (published or not). */
    public Future<Map<String, String>> getTopicTypes() {
        return call("getTopicTypes").map(MasterClient::pairs);
    }

    /** Topic -> type, of published topics under {@code subgraph} ("" for all). */
    public Future<Map<String, String>> getPublishedTopics(String subgraph) {
        return call("getPublishedTopics", subgraph).map(MasterClient::pairs);
    }

    public Future<SystemState> getSystemState() {
        return call("getSystemState").map(v -> {
            List<?> l = (List<?>) v;
            return new SystemState(roles(l.get(0)), roles(l.get(1)), roles(l.get(2)));
        });
    }

    public Future<String> getUri() {
        return call("getUri").map(String::valueOf);
    }

    /** The master process's pid: a change means the master restarted. */
    public Future<Integer> getPid() {
        return call("getPid").map(v -> (Integer) v);
    }

    // ---- parameter server ----

    /** The value: Integer, Double, Boolean, String, List, Map (a namespace) or byte[]; fails if unset. */
    public Future<Object> getParam(String key) {
        return call("getParam", key);
    }

    public Future<Void> setParam(String key, Object value) {
        return call("setParam", key, value).mapEmpty();
    }

    public Future<Boolean> hasParam(String key) {
        return call("hasParam", key).map(Boolean.TRUE::equals);
    }

    public Future<Void> deleteParam(String key) {
        return call("deleteParam", key).mapEmpty();
    }

    /** The nearest key named {@code key} up the caller's namespace, or null. */
    public Future<String> searchParam(String key) {
        return call("searchParam", key).map(v -> v instanceof String s && !s.isEmpty() ? s : null)
                .recover(e -> e instanceof RosApiException r && r.code() != 1 ? Future.succeededFuture(null) : Future.failedFuture(e));
    }

    /** Asks for paramUpdate calls on changes; returns the current value (an empty Map if unset). */
    public Future<Object> subscribeParam(String key) {
        return call("subscribeParam", callerApi, key);
    }

    public Future<Void> unsubscribeParam(String key) {
        return call("unsubscribeParam", callerApi, key).mapEmpty();
    }

    public Future<List<String>> getParamNames() {
        return call("getParamNames").map(MasterClient::strings);
    }

    static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) v) out.add(String.valueOf(o));
        return out;
    }

    private static Map<String, String> pairs(Object v) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Object o : (List<?>) v) {
            List<?> p = (List<?>) o;
            out.put(String.valueOf(p.get(0)), String.valueOf(p.get(1)));
        }
        return out;
    }

    private static Map<String, List<String>> roles(Object v) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Object o : (List<?>) v) {
            List<?> p = (List<?>) o;
            out.put(String.valueOf(p.get(0)), strings(p.get(1)));
        }
        return out;
    }
}
