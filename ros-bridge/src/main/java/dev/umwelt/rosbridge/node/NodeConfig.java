package dev.umwelt.rosbridge.node;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link RosNode} joins a ROS 1 graph.
 *
 * @param name               the node's global name (caller id), e.g. {@code /umwelt_brain}
 * @param masterUri          the master's XML-RPC URI ({@code ROS_MASTER_URI})
 * @param host               the address both servers bind and advertise (ROS_IP); the master
 *                           calls back on it, so it must be reachable from the master
 * @param masterCheckPeriod  how often the node asks the master for its pid to notice a
 *                           restart and register everything again
 * @param maxMessageBytes    the largest TCPROS frame (message or connection header) accepted;
 *                           a bigger length prefix closes the connection
 * @param maxXmlRpcBytes     the largest XML-RPC request or response body accepted
 * @param callTimeout        timeout of one XML-RPC call
 * @param limits             header timeout, header size and connection caps towards peers
 */
public record NodeConfig(String name, URI masterUri, String host, Duration masterCheckPeriod,
                         int maxMessageBytes, int maxXmlRpcBytes, Duration callTimeout, NodeLimits limits) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 << 20;
    public static final int DEFAULT_MAX_XMLRPC_BYTES = 8 << 20;

    public NodeConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(masterUri, "masterUri");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(masterCheckPeriod, "masterCheckPeriod");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(limits, "limits");
        if (!name.matches("/[A-Za-z][A-Za-z0-9_/]*")) {
            throw new IllegalArgumentException("node name must be a global ROS name like /umwelt_brain, got '" + name + "'");
        }
        if (!"http".equals(masterUri.getScheme()) || masterUri.getHost() == null || masterUri.getPort() <= 0) {
            throw new IllegalArgumentException("master URI must be http://host:port/, got " + masterUri);
        }
        if (maxMessageBytes < 1024) throw new IllegalArgumentException("maxMessageBytes < 1024: " + maxMessageBytes);
        if (maxXmlRpcBytes < 1024) throw new IllegalArgumentException("maxXmlRpcBytes < 1024: " + maxXmlRpcBytes);
        if (masterCheckPeriod.toMillis() < 10) throw new IllegalArgumentException("masterCheckPeriod < 10 ms: " + masterCheckPeriod);
    }

    /** Defaults: bind 127.0.0.1, check the master every second, 64 MiB frames, 5 s calls, {@link NodeLimits#DEFAULTS}. */
    public static NodeConfig of(String name, URI masterUri) {
        return new NodeConfig(name, masterUri, DEFAULT_HOST, Duration.ofSeconds(1),
                DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_XMLRPC_BYTES, Duration.ofSeconds(5), NodeLimits.DEFAULTS);
    }

    /** From {@code ROS_MASTER_URI} (default http://127.0.0.1:11311/) and {@code ROS_IP}/{@code ROS_HOSTNAME}. */
    public static NodeConfig fromEnvironment(String name, Map<String, String> env) {
        URI master = URI.create(env.getOrDefault("ROS_MASTER_URI", "http://127.0.0.1:11311/"));
        String host = env.getOrDefault("ROS_IP", env.getOrDefault("ROS_HOSTNAME", DEFAULT_HOST));
        return of(name, master).withHost(host);
    }

    public NodeConfig withHost(String newHost) {
        return new NodeConfig(name, masterUri, newHost, masterCheckPeriod, maxMessageBytes, maxXmlRpcBytes, callTimeout, limits);
    }

    public NodeConfig withMasterCheckPeriod(Duration period) {
        return new NodeConfig(name, masterUri, host, period, maxMessageBytes, maxXmlRpcBytes, callTimeout, limits);
    }

    public NodeConfig withMaxMessageBytes(int bytes) {
        return new NodeConfig(name, masterUri, host, masterCheckPeriod, bytes, maxXmlRpcBytes, callTimeout, limits);
    }

    public NodeConfig withLimits(NodeLimits newLimits) {
        return new NodeConfig(name, masterUri, host, masterCheckPeriod, maxMessageBytes, maxXmlRpcBytes, callTimeout, newLimits);
    }
}
