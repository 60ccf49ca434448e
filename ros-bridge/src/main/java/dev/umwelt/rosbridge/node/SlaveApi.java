package dev.umwelt.rosbridge.node;

import dev.umwelt.rosbridge.node.xmlrpc.XmlRpcCall;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;

/**
 * The node's XML-RPC slave API (what the master, rostopic and rosnode call). Answers are
 * {@code [code, status, value]}; runs on the node's event loop.
 */
final class SlaveApi {
    private static final System.Logger LOG = System.getLogger("dev.umwelt.rosbridge.node");
    private final RosNode node;

    SlaveApi(RosNode node) {
        this.node = node;
    }

    Future<Object> handle(XmlRpcCall call) {
        return Future.succeededFuture(answer(call));
    }

    private Object answer(XmlRpcCall call) {
        switch (call.method()) {
            case "getPid": return ok(ProcessHandle.current().pid() > Integer.MAX_VALUE ? -1 : (int) ProcessHandle.current().pid());
            case "getMasterUri": return ok(node.config().masterUri().toString());
            case "getPublications": {
                List<Object> out = new ArrayList<>();
                for (RosPublisher<?> p : node.publications()) out.add(List.of(p.topic(), p.codec().type()));
                return ok(out);
            }
            case "getSubscriptions": {
                List<Object> out = new ArrayList<>();
                for (RosSubscriber<?> s : node.subscriptions()) out.add(List.of(s.topic(), s.codec().type()));
                return ok(out);
            }
            case "getBusInfo": return ok(busInfo());
            case "getBusStats": return ok(busStats());
            case "requestTopic": {
                String topic = call.param(1, String.class);
                List<?> protocols = call.param(2, List.class);
                RosPublisher<?> pub = node.publication(topic);
                if (pub == null) return List.of(-1, node.callerId() + " does not publish " + topic, 0);
                boolean tcpros = protocols.stream().anyMatch(p -> p instanceof List<?> l && !l.isEmpty() && "TCPROS".equals(l.get(0)));
                if (!tcpros) return List.of(0, "only TCPROS is supported, asked for " + protocols, 0);
                return ok("ready on " + node.config().host() + ":" + node.tcpPort(),
                        List.of("TCPROS", node.config().host(), node.tcpPort()));
            }
            case "publisherUpdate": {
                String topic = call.param(1, String.class);
                List<String> uris = MasterClient.strings(call.param(2, List.class));
                RosSubscriber<?> sub = node.subscription(topic);
                if (sub != null) sub.updatePublishers(uris);
                return ok(0);
            }
            case "paramUpdate": {
                String key = call.param(1, String.class);
                node.paramUpdated(key, call.params().size() > 2 ? call.params().get(2) : null);
                return ok(0);
            }
            case "shutdown": {
                String why = call.params().get(0) + ": " + (call.params().size() > 1 ? String.valueOf(call.params().get(1)) : "");
                LOG.log(System.Logger.Level.WARNING, node.callerId() + ": shutdown requested by " + why);
                node.vertx().setTimer(1, t -> node.shutdownRequested(why));
                return ok(0);
            }
            default: return List.of(-1, "unknown method " + call.method(), 0);
        }
    }

    private List<Object> busInfo() {
        List<Object> out = new ArrayList<>();
        for (RosPublisher<?> p : node.publications()) {
            for (OutboundLink l : p.links()) {
                out.add(List.of(l.id, l.subscriberId, "o", "TCPROS", p.topic(), !l.closed(), "sent " + l.messagesSent + " dropped " + l.dropped));
            }
        }
        for (RosSubscriber<?> s : node.subscriptions()) {
            for (InboundLink l : s.links()) {
                out.add(List.of(l.id, l.publisherUri, "i", "TCPROS", s.topic(), l.connected(), "from " + l.publisherId));
            }
        }
        return out;
    }

    private List<Object> busStats() {
        List<Object> pubs = new ArrayList<>();
        for (RosPublisher<?> p : node.publications()) {
            List<Object> conns = new ArrayList<>();
            long total = 0;
            for (OutboundLink l : p.links()) {
                conns.add(List.of(l.id, l.bytesSent, l.messagesSent, !l.closed()));
                total += l.bytesSent;
            }
            pubs.add(List.of(p.topic(), total, conns));
        }
        List<Object> subs = new ArrayList<>();
        for (RosSubscriber<?> s : node.subscriptions()) {
            List<Object> conns = new ArrayList<>();
            for (InboundLink l : s.links()) conns.add(List.of(l.id, l.bytesReceived, -1, l.connected()));
            subs.add(List.of(s.topic(), conns));
        }
        return List.of(pubs, subs, List.of());
    }

    private static List<Object> ok(Object value) {
        return ok("", value);
    }

    private static List<Object> ok(String status, Object value) {
        return List.of(1, status, value);
    }
}
