package dev.umwelt.rosbridge.node.xmlrpc;

import java.util.List;

/** One decoded {@code methodCall}: the method and its parameters as XML-RPC Java values. */
public record XmlRpcCall(String method, List<Object> params) {
    public XmlRpcCall {
        params = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
    }

    /** Parameter i, checked against the expected Java type; names the method and index when wrong. */
    public <V> V param(int i, Class<V> type) {
        if (i >= params.size()) throw new XmlRpcException(method + ": missing parameter " + i + " (got " + params.size() + ")");
        Object v = params.get(i);
        if (!type.isInstance(v)) {
            throw new XmlRpcException(method + ": parameter " + i + " must be " + type.getSimpleName() + ", got "
                    + (v == null ? "nil" : v.getClass().getSimpleName()));
        }
        return type.cast(v);
    }
}
