package dev.umwelt.rosbridge.node.xmlrpc;

/** A well-formed {@code <fault>} answer from the other side. */
public final class XmlRpcFault extends XmlRpcException {
    private final int code;
    private final String faultString;

    public XmlRpcFault(int code, String faultString) {
        super("XML-RPC fault " + code + ": " + faultString);
        this.code = code;
        this.faultString = faultString;
    }

    public int code() { return code; }
    public String faultString() { return faultString; }
}
