package dev.umwelt.rosbridge.node.xmlrpc;

/** Bytes that are not a well-formed XML-RPC message (or exceed a limit); the message says where. */
public class XmlRpcException extends RuntimeException {
    public XmlRpcException(String message) {
        super(message);
    }

    public XmlRpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
