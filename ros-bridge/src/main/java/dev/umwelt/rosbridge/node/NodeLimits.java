package dev.umwelt.rosbridge.node;

import java.time.Duration;
import java.util.Objects;

/**
 * What a node accepts from peers it did not choose: anyone who reaches its TCPROS or XML-RPC
 * port. Each bound keeps the memory those peers can make the node hold small and fixed, and
 * each refusal is logged once per {@code refusalLogPeriod} per kind (see {@link RefusalLog}).
 *
 * @param headerTimeout        a TCPROS peer must send its whole connection header within this
 *                             long of connecting (either side of the connection), an XML-RPC
 *                             client a whole request within this long of connecting or of its
 *                             previous answer; else the connection is closed
 * @param maxHeaderBytes       the largest TCPROS connection header accepted (both directions);
 *                             a header carries the full message definition: kB, never MiB
 * @param maxTcpRosConnections TCPROS connections the node holds at once (subscribers plus those
 *                             still in their header); more are closed at once. Also the most
 *                             publishers one subscription connects to
 * @param maxXmlRpcConnections HTTP connections the slave API server holds at once
 * @param refusalLogPeriod     a kind of refusal is logged at its first occurrence, then summed
 *                             up in one line per period while it goes on
 */
public record NodeLimits(Duration headerTimeout, int maxHeaderBytes, int maxTcpRosConnections, int maxXmlRpcConnections,
                         Duration refusalLogPeriod) {
    public static final NodeLimits DEFAULTS = new NodeLimits(Duration.ofSeconds(5), 64 << 10, 128, 64, Duration.ofSeconds(60));

    public NodeLimits {
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(refusalLogPeriod, "refusalLogPeriod");
        if (headerTimeout.toMillis() < 1) throw new IllegalArgumentException("headerTimeout < 1 ms: " + headerTimeout);
        if (refusalLogPeriod.toMillis() < 1) throw new IllegalArgumentException("refusalLogPeriod < 1 ms: " + refusalLogPeriod);
        if (maxHeaderBytes < 1024) throw new IllegalArgumentException("maxHeaderBytes < 1024: " + maxHeaderBytes);
        if (maxTcpRosConnections < 1) throw new IllegalArgumentException("maxTcpRosConnections < 1: " + maxTcpRosConnections);
        if (maxXmlRpcConnections < 1) throw new IllegalArgumentException("maxXmlRpcConnections < 1: " + maxXmlRpcConnections);
    }

    public NodeLimits withHeaderTimeout(Duration timeout) {
        return new NodeLimits(timeout, maxHeaderBytes, maxTcpRosConnections, maxXmlRpcConnections, refusalLogPeriod);
    }

    public NodeLimits withConnections(int tcpros, int xmlrpc) {
        return new NodeLimits(headerTimeout, maxHeaderBytes, tcpros, xmlrpc, refusalLogPeriod);
    }
}
