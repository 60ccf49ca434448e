package dev.umwelt.rosbridge.node;

import dev.umwelt.bus.ros1.Ros1Codec;
import dev.umwelt.rosbridge.node.xmlrpc.XmlRpcClient;
import dev.umwelt.rosbridge.node.xmlrpc.XmlRpcServer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A ROS 1 node on Vert.x: XML-RPC slave API server, master API client, TCPROS publishers and
 * subscribers. All state lives on one event-loop context and handlers run there; public
 * methods may be called from any thread. Every {@link NodeConfig#masterCheckPeriod()} the node
 * asks the master for its pid: when the master comes back after being unreachable, or answers
 * with another pid (restarted), every publication and subscription is registered again.
 */
public final class RosNode {
    private static final System.Logger LOG = System.getLogger("dev.umwelt.rosbridge.node");

    private final Vertx vertx;
    private final NodeConfig config;
    private final Context context;
    private final Thread loop;
    private final XmlRpcClient rpc;
    private final NetClient net;
    private final AtomicInteger connectionIds = new AtomicInteger();
    private final Map<String, RosPublisher<?>> publications = new LinkedHashMap<>();
    private final Map<String, RosSubscriber<?>> subscriptions = new LinkedHashMap<>();
    private final Map<String, List<Consumer<Object>>> paramWatchers = new LinkedHashMap<>();
    private final List<Consumer<String>> shutdownListeners = new CopyOnWriteArrayList<>();
    private final RefusalLog refusals;
    private XmlRpcServer slave;
    private TcpRosServer tcpros;
    private URI slaveUri;
    private MasterClient master;
    private long watchTimer = -1;
    private boolean checking;
    private boolean masterUp;
    private int masterPid;
    private volatile boolean down;
    private volatile int reRegistrations;

    private RosNode(Vertx vertx, NodeConfig config, Context context) {
        this.vertx = vertx;
        this.config = config;
        this.context = context;
        this.loop = Thread.currentThread();
        this.rpc = new XmlRpcClient(vertx, config.callTimeout(), config.maxXmlRpcBytes());
        this.net = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.callTimeout().toMillis())));
        this.refusals = new RefusalLog(vertx, config.limits().refusalLogPeriod());
    }

    /** Binds the slave API and TCPROS servers on {@code config.host()} (ports chosen by the OS) and checks the master. */
    public static Future<RosNode> start(Vertx vertx, NodeConfig config) {
        Context current = Vertx.currentContext();
        Context context = current != null && current.isEventLoopContext() ? current : vertx.getOrCreateContext();
        if (!context.isEventLoopContext()) return Future.failedFuture("RosNode.start needs an event-loop context or none, not a worker");
        Promise<RosNode> started = Promise.promise();
        context.runOnContext(v -> {
            RosNode node = new RosNode(vertx, config, context);
            node.init().onComplete(ar -> {
                if (ar.succeeded()) started.complete(node);
                else node.closeServers().onComplete(x -> started.fail(ar.cause()));
            });
        });
        return started.future();
    }

    private Future<Void> init() {
        SlaveApi api = new SlaveApi(this);
        NodeLimits limits = config.limits();
        XmlRpcServer.Limits rpcLimits = new XmlRpcServer.Limits(config.maxXmlRpcBytes(), limits.maxXmlRpcConnections(),
                limits.headerTimeout());
        return XmlRpcServer.start(vertx, config.host(), rpcLimits, refusals::refuse, api::handle).compose(s -> {
            slave = s;
            slaveUri = URI.create("http://" + config.host() + ":" + s.port() + "/");
            master = new MasterClient(rpc, config.masterUri(), config.name(), slaveUri.toString());
            return TcpRosServer.start(vertx, config.host(), limits, refusals, config.name(), this::publication,
                    connectionIds::incrementAndGet);
        }).compose(t -> {
            tcpros = t;
            return master.getPid().recover(e -> Future.failedFuture(new IllegalStateException(
                    "ROS master at " + config.masterUri() + " is not reachable (is roscore running? ROS_MASTER_URI): " + e.getMessage(), e)));
        }).map(pid -> {
            masterPid = pid;
            masterUp = true;
            watchTimer = vertx.setPeriodic(config.masterCheckPeriod().toMillis(), id -> checkMaster());
            return null;
        });
    }

    public NodeConfig config() { return config; }
    public String callerId() { return config.name(); }
    /** This node's XML-RPC (slave API) URI, as registered with the master. */
    public URI uri() { return slaveUri; }
    public int tcpPort() { return tcpros.port(); }
    /** The master and parameter server API, for calls beyond the ones here. */
    public MasterClient master() { return master; }
    /** How often the node has registered everything again after a master restart. */
    public int reRegistrations() { return reRegistrations; }

    /**
     * Called (on the event loop) when the master or a tool asks this node to shut down, after the
     * node has shut down, with who asked and why ({@code /rosnode: user request}).
     */
    public void onShutdownRequested(Consumer<String> listener) {
        shutdownListeners.add(listener);
    }

    public <T> Future<RosPublisher<T>> advertise(String topic, Ros1Codec<T> codec, boolean latched, int queueSize) {
        return onLoop(() -> {
            String name = resolve(topic);
            if (down) return Future.failedFuture(config.name() + " is shut down");
            if (publications.containsKey(name)) return Future.failedFuture(config.name() + " already advertises " + name);
            RosPublisher<T> pub = new RosPublisher<>(this, name, codec, latched, queueSize);
            publications.put(name, pub); // before registering: subscribers may call requestTopic at once
            return master.registerPublisher(name, codec.type()).map(subscribers -> pub).recover(e -> {
                publications.remove(name);
                return Future.failedFuture(new IllegalStateException("advertise " + name + ": " + e.getMessage(), e));
            });
        });
    }

    public <T> Future<RosSubscriber<T>> subscribe(String topic, Ros1Codec<T> codec, int queueSize, Consumer<T> onMessage) {
        return onLoop(() -> {
            String name = resolve(topic);
            if (down) return Future.failedFuture(config.name() + " is shut down");
            if (subscriptions.containsKey(name)) return Future.failedFuture(config.name() + " already subscribes to " + name);
            RosSubscriber<T> sub = new RosSubscriber<>(this, name, codec, queueSize, onMessage);
            subscriptions.put(name, sub);
            return master.registerSubscriber(name, codec.type()).map(publishers -> {
                sub.updatePublishers(publishers);
                return sub;
            }).recover(e -> {
                subscriptions.remove(name);
                return Future.failedFuture(new IllegalStateException("subscribe " + name + ": " + e.getMessage(), e));
            });
        });
    }

    /** A parameter's value (Integer, Double, Boolean, String, List, Map for a namespace, byte[]); fails if unset. */
    public Future<Object> getParam(String key) {
        return onLoop(() -> master.getParam(resolve(key)));
    }

    public Future<Void> setParam(String key, Object value) {
        return onLoop(() -> master.setParam(resolve(key), value));
    }

    public Future<Boolean> hasParam(String key) {
        return onLoop(() -> master.hasParam(resolve(key)));
    }

    public Future<Void> deleteParam(String key) {
        return onLoop(() -> master.deleteParam(resolve(key)));
    }

    /**
     * Calls {@code onChange} (on the event loop) whenever the parameter changes; returns its
     * current value (an empty Map when unset, as the master answers).
     */
    public Future<Object> subscribeParam(String key, Consumer<Object> onChange) {
        return onLoop(() -> {
            String name = normaliseKey(resolve(key));
            paramWatchers.computeIfAbsent(name, k -> new ArrayList<>()).add(onChange);
            return master.subscribeParam(name);
        });
    }

    void paramUpdated(String key, Object value) {
        String name = normaliseKey(key);
        List<Consumer<Object>> watchers = paramWatchers.get(name);
        if (watchers == null) return;
        for (Consumer<Object> w : List.copyOf(watchers)) w.accept(value);
    }

    private static String normaliseKey(String key) {
        return key.length() > 1 && key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    }

    /** Unregisters everything from the master (best effort: an unreachable master is not waited for), closes all sockets. */
    public Future<Void> shutdown() {
        return onLoop(() -> {
            if (down) return Future.succeededFuture();
            down = true;
            if (watchTimer >= 0) vertx.cancelTimer(watchTimer);
            List<Future<?>> calls = new ArrayList<>();
            for (RosPublisher<?> p : publications.values()) {
                p.closeLocally();
                calls.add(master.unregisterPublisher(p.topic()));
            }
            for (RosSubscriber<?> s : subscriptions.values()) {
                s.closeLocally();
                calls.add(master.unregisterSubscriber(s.topic()));
            }
            for (String key : paramWatchers.keySet()) calls.add(master.unsubscribeParam(key));
            publications.clear();
            subscriptions.clear();
            paramWatchers.clear();
            Future<Void> unregistered = Future.join(calls).<Void>mapEmpty().otherwiseEmpty();
            return unregistered.eventually(this::closeServers);
        });
    }

    void shutdownRequested(String why) {
        shutdown().onComplete(ar -> {
            for (Consumer<String> l : shutdownListeners) l.accept(why);
        });
    }

    private Future<Void> closeServers() {
        List<Future<?>> closing = new ArrayList<>();
        if (slave != null) closing.add(slave.close());
        if (tcpros != null) closing.add(tcpros.close());
        closing.add(net.close());
        closing.add(rpc.close());
        refusals.close();
        return Future.join(closing).mapEmpty();
    }

    // ---- master watch ----

    private void checkMaster() {
        if (checking || down) return;
        checking = true;
        master.getPid().onComplete(ar -> {
            checking = false;
            if (down) return;
            if (ar.failed()) {
                if (masterUp) {
                    LOG.log(System.Logger.Level.WARNING, config.name() + ": master at " + config.masterUri() + " unreachable ("
                            + ar.cause().getMessage() + "); will register again when it is back");
                }
                masterUp = false;
                return;
            }
            int pid = ar.result();
            boolean restarted = !masterUp || pid != masterPid;
            masterUp = true;
            masterPid = pid;
            if (restarted) registerAgain();
        });
    }

    private void registerAgain() {
        reRegistrations++;
        LOG.log(System.Logger.Level.INFO, config.name() + ": master at " + config.masterUri() + " is back (pid " + masterPid
                + "); registering " + publications.size() + " publications and " + subscriptions.size() + " subscriptions again");
        for (RosPublisher<?> p : publications.values()) {
            master.registerPublisher(p.topic(), p.codec().type())
                    .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "re-register publisher " + p.topic() + ": " + e.getMessage()));
        }
        for (RosSubscriber<?> s : subscriptions.values()) {
            master.registerSubscriber(s.topic(), s.codec().type()).onComplete(ar -> {
                if (ar.succeeded()) s.updatePublishers(ar.result());
                else LOG.log(System.Logger.Level.WARNING, "re-register subscriber " + s.topic() + ": " + ar.cause().getMessage());
            });
        }
        for (String key : paramWatchers.keySet()) master.subscribeParam(key);
    }

    // ---- shared with the package ----

    String resolve(String name) {
        if (name.isEmpty()) throw new IllegalArgumentException("empty ROS name");
        if (name.startsWith("/")) return name;
        if (name.startsWith("~")) return config.name() + "/" + name.substring(1);
        return "/" + name;
    }

    boolean onLoopThread() {
        return Thread.currentThread() == loop;
    }

    void onLoop(Runnable action) {
        if (Thread.currentThread() == loop) action.run();
        else context.runOnContext(v -> action.run());
    }

    <T> Future<T> onLoop(Supplier<Future<T>> action) {
        if (Thread.currentThread() == loop) return run(action);
        Promise<T> p = Promise.promise();
        context.runOnContext(v -> run(action).onComplete(p));
        return p.future();
    }

    private static <T> Future<T> run(Supplier<Future<T>> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    Vertx vertx() { return vertx; }
    XmlRpcClient rpc() { return rpc; }
    NetClient net() { return net; }
    int nextConnectionId() { return connectionIds.incrementAndGet(); }
    RefusalLog refusals() { return refusals; }
    /** TCPROS connections our server holds now (subscribers and peers still in their header). */
    int openTcpRosConnections() { return tcpros == null ? 0 : tcpros.openConnections(); }
    RosPublisher<?> publication(String topic) { return publications.get(topic); }
    RosSubscriber<?> subscription(String topic) { return subscriptions.get(topic); }
    Collection<RosPublisher<?>> publications() { return List.copyOf(publications.values()); }
    Collection<RosSubscriber<?>> subscriptions() { return List.copyOf(subscriptions.values()); }
    void forget(RosPublisher<?> p) { publications.remove(p.topic(), p); }
    void forget(RosSubscriber<?> s) { subscriptions.remove(s.topic(), s); }
}
