package dev.umwelt.agent.ros;

import dev.umwelt.agent.episode.ControlTick;
import dev.umwelt.agent.safety.SafetyChain;
import dev.umwelt.bus.Addresses;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.codec.BusCodecs;
import dev.umwelt.bus.belief.Belief;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.ros1.ClockCodec;
import dev.umwelt.bus.ros1.InstructionCodec;
import dev.umwelt.bus.ros1.StringCodec;
import dev.umwelt.bus.ros1.TwistCodec;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.WorldModelConfig;
import dev.umwelt.policy.Policy;
import dev.umwelt.rosbridge.config.BridgeConfig;
import dev.umwelt.rosbridge.config.Role;
import dev.umwelt.rosbridge.config.TopicMapping;
import dev.umwelt.rosbridge.node.NodeConfig;
import dev.umwelt.rosbridge.node.RosNode;
import dev.umwelt.rosbridge.node.RosPublisher;
import dev.umwelt.rosbridge.sensors.RosSensorFeed;
import dev.umwelt.bus.robot.RobotDescription;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * {@code ./umwelt ros brain}: drives a ROS robot with a policy. Sensor topics come in through
 * the ROS-fed adapters ({@link RosSensorFeed}); control ticks are assembled by
 * {@link StampTicker} (sensor stamps under {@code /use_sim_time}, else the wall clock at the
 * control rate) and run through the agent's own {@link ControlTick}, the pipeline the lockstep
 * simulator runs (observe, belief, policy, the {@link SafetyChain}: watchdog, e-stop, shield);
 * what the tick passes goes out on cmd_vel. This class is what is ROS-specific: the node, the
 * tick assembly from topics, instructions from a topic, and the {@link ControlTick.Ports} of a
 * real robot (no time limit, commands to cmd_vel). Nothing is sent before
 * the first instruction; STOP sends one zero twist and waits for the next instruction. Every
 * instruction resets the policy. One verticle: the node, the ticks, the endpoint and the
 * safety chain share one context.
 */
public final class RosBrain extends VerticleBase implements RosMode {
    /** How the brain joins the graph. {@code robotId}: the bus addresses it uses inside the process. */
    public record Options(NodeConfig node, BridgeConfig bridge, boolean shield, String robotId) {}

    /**
     * A sense silent this long past a tick (sim time) no longer holds the tick back. Generous on
     * purpose: each topic is its own socket, so on a loaded machine /clock can be read well ahead of
     * a sensor sent before it; a short grace then releases ticks without readings that a replayed
     * bag would have, and the replay diverges (seen at 0.25 s, speed 2, load 4 on 2 cores). A dead
     * stream still stops the robot: no tick, no command, and the base's command timeout stops it.
     */
    static final long GRACE_NANOS = 1_000_000_000L;
    /**
     * Under sim time a stream stops holding the ticks back only after this much wall-clock silence
     * (checked by a punctual wall timer, so a stalled brain never gives a stream up): the
     * release of ticks then depends on each stream's own sequence, which a bag replays exactly.
     */
    static final long DEAD_WALL_NANOS = 2_000_000_000L;
    static final long WATCH_NANOS = 250_000_000L;

    private final Options options;
    private final Policy policy;
    private final Consumer<String> log;
    private final List<Twist2D> commands = new CopyOnWriteArrayList<>();
    private final List<Consumer<Twist2D>> commandListeners = new CopyOnWriteArrayList<>();
    private final List<EpisodeEvent> events = new CopyOnWriteArrayList<>();
    private RosNode node;
    private RosSensorFeed feed;
    private RosPublisher<Twist2D> cmdVel;
    private RosPublisher<Instruction> decisions;
    private StampTicker ticker;
    private final InstructionDesk desk = new InstructionDesk();
    private SafetyChain safety;
    private ControlTick control;
    /** The robot's belief, made at the first instruction and kept for the node's life. */
    private WorldModel world;
    private Addresses addresses;
    private volatile boolean active;
    private boolean simTime;
    private long clockNanos = Long.MIN_VALUE;
    private long lastTickNanos;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private long timerId = -1;
    private final Promise<String> shutDownByRos = Promise.promise();
    private long lastWatchNanos;
    /** Nominal period of each gating stream. */
    private Map<String, Long> streamPeriods = Map.of();
    /** The newest released reading of each stream, active or not: primes the control tick at adoption. */
    private final Map<String, Stamped> newestReleased = new HashMap<>();

    private RosBrain(Options options, Policy policy, Consumer<String> log) {
        if (policy.privileged()) {
            throw new IllegalArgumentException("policy '" + policy.name() + "' is privileged (needs the scenario); "
                    + "the brain of a ROS robot has only its senses");
        }
        this.options = options;
        this.policy = policy;
        this.log = log;
    }

    /** Deploys a brain on {@code vertx}; registers the bus codecs it needs when missing. */
    public static Future<RosBrain> start(Vertx vertx, Options options, Policy policy, Consumer<String> log) {
        registerCodecs(vertx);
        RosBrain brain = new RosBrain(options, policy, log);
        return vertx.deployVerticle(brain).map(id -> brain);
    }

    /** The local bus codecs of the records the brain sends (idempotent per Vert.x instance). */
    static synchronized void registerCodecs(Vertx vertx) {
        try {
            BusCodecs.register(vertx);
        } catch (IllegalStateException already) {
            // registered by an EpisodeRunner or an earlier brain on the same instance
        }
    }

    /** Every command sent on cmd_vel, in order. */
    public List<Twist2D> commands() {
        return List.copyOf(commands);
    }

    public void onCommand(Consumer<Twist2D> listener) {
        commandListeners.add(listener);
    }

    public List<EpisodeEvent> events() {
        return List.copyOf(events);
    }

    /** The control tick's stages as built at the first instruction (the pipeline lockstep runs); empty before it. */
    public List<ControlTick.Stage> pipeline() {
        return control == null ? List.of() : control.stages();
    }

    /** Whether an instruction is being carried out (false before the first and after STOP). */
    public boolean acting() {
        return active;
    }

    public boolean useSimTime() {
        return simTime;
    }

    @Override
    public Future<?> start() {
        BridgeConfig bridge = options.bridge();
        RobotDescription robot = bridge.robot();
        addresses = Addresses.of(options.robotId());
        safety = new SafetyChain(robot, options.shield(), this::event);
        Map<String, Long> periods = new HashMap<>();
        periods.put("lidar", periodOf(robot.lidar().rateHz()));
        periods.put("odometry", periodOf(robot.odometry().rateHz()));
        robot.cameraSpec().ifPresent(c -> periods.put("camera", periodOf(c.rateHz())));
        streamPeriods = Map.copyOf(periods);
        consumers.add(vertx.eventBus().consumer(addresses.emergencyStop(), (Message<Object> m) -> {
            if (m.body() instanceof Boolean b) safety.emergencyStop(b, lastTickNanos);
        }));
        return RosNode.start(vertx, options.node()).compose(n -> {
            node = n;
            n.onShutdownRequested(why -> {
                if (timerId >= 0) vertx.cancelTimer(timerId); // no more ticks: the node is gone
                shutDownByRos.tryComplete(why);
            });
            return n.getParam("/use_sim_time").map(RosBrain::truthy).otherwise(false);
        }).compose(sim -> {
            simTime = sim;
            ticker = new StampTicker(robot.controlPeriodNanos(), periods, GRACE_NANOS, DEAD_WALL_NANOS, !sim);
            List<Future<?>> all = new ArrayList<>();
            TopicMapping cmd = bridge.mapping(Role.CMD_VEL).orElseThrow(() -> new IllegalArgumentException(
                    bridge.source() + ": the brain needs the cmd_vel mapping enabled"));
            all.add(node.advertise(cmd.topic(), new TwistCodec(), false, cmd.queueSize()).onSuccess(p -> cmdVel = p));
            bridge.mapping(Role.ADOPTED).ifPresent(m -> {
                all.add(node.advertise(m.topic(), new InstructionCodec(), true, m.queueSize()).onSuccess(p -> decisions = p));
                all.add(node.subscribe(m.topic(), new InstructionCodec(), m.queueSize(), this::onDecision));
            });
            bridge.mapping(Role.INSTRUCTION).ifPresent(m ->
                    all.add(node.subscribe(m.topic(), new StringCodec(), m.queueSize(), this::onText)));
            if (simTime) {
                bridge.mapping(Role.CLOCK).ifPresent(m ->
                        all.add(node.subscribe(m.topic(), new ClockCodec(), m.queueSize(), this::onClock)));
                timerId = vertx.setPeriodic(WATCH_NANOS / 1_000_000L, id -> watchStreams());
            } else {
                long ms = Math.max(1, robot.controlPeriodNanos() / 1_000_000L);
                timerId = vertx.setPeriodic(ms, id -> onClock(System.currentTimeMillis() * 1_000_000L));
            }
            all.add(RosSensorFeed.start(node, bridge, this::onReading).onSuccess(f -> feed = f));
            return Future.all(all);
        }).onSuccess(v -> log.accept("ros brain: policy " + policy.name() + ", " + (simTime ? "sim time (ticks follow sensor stamps)"
                        : "wall clock") + ", listening on " + feed.topics() + " and " + bridge.topic(Role.INSTRUCTION)
                        + ", commands on " + bridge.topic(Role.CMD_VEL)));
    }

    private static long periodOf(double hz) {
        return Math.round(1e9 / hz);
    }

    private static boolean truthy(Object v) {
        return Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(String.valueOf(v)) || "1".equals(String.valueOf(v));
    }

    /** Readings received per stream (diagnostics: a dropped message changes what a replay computes). */
    private final Map<String, Long> received = new java.util.concurrent.ConcurrentHashMap<>();

    public Map<String, Long> received() {
        return Map.copyOf(received);
    }

    private void onReading(Stamped r) {
        String stream = streamOf(r);
        received.merge(stream, 1L, Long::sum);
        ticker.offer(stream, r, System.nanoTime());
        if (simTime) runTicks();
    }

    private static String streamOf(Stamped r) {
        return r instanceof LidarScan ? "lidar" : r instanceof Odometry ? "odometry"
                : r instanceof CameraFrame ? "camera" : r instanceof AudioChunk ? "audio" : "other";
    }

    /**
     * Sim time: gives up a stream silent for {@link #DEAD_WALL_NANOS} so that a dead sense cannot
     * freeze the brain. Skipped when this timer itself ran late: the loop was stalled, and the
     * stream's messages may be waiting unread in its socket.
     */
    private void watchStreams() {
        long now = System.nanoTime();
        boolean punctual = lastWatchNanos != 0 && now - lastWatchNanos < 2 * WATCH_NANOS;
        lastWatchNanos = now;
        if (!punctual) return;
        List<String> gone = ticker.expire(now);
        if (gone.isEmpty()) return;
        log.accept("ros brain: no " + gone + " for " + DEAD_WALL_NANOS / 1_000_000_000L
                + " s of wall time: ticks go on without it (a replay of this stretch may differ)");
        runTicks();
    }

    private void onClock(Long nanos) {
        clockNanos = Math.max(clockNanos, nanos);
        ticker.clock(nanos);
        runTicks();
    }

    private void onText(String text) {
        Instruction decided = desk.onText(text, ticker.nextTickNanos(), ticker.periodNanos(),
                clockNanos == Long.MIN_VALUE ? lastTickNanos : clockNanos);
        if (decided == null) return;
        log.accept("ros brain: instruction '" + text + "' takes effect at tick " + decided.header().stampNanos());
        if (decisions != null) decisions.publish(decided);
    }

    private void onDecision(Instruction decided) {
        desk.onDecision(decided);
    }

    private void runTicks() {
        for (StampTicker.Tick t : ticker.release()) tick(t);
    }

    private void tick(StampTicker.Tick t) {
        lastTickNanos = t.stampNanos();
        for (Stamped r : t.readings()) {
            // The shield judges against the newest scan, also one released while no instruction was active.
            if (r instanceof LidarScan s) safety.scan(s);
            newestReleased.put(streamOf(r), r);
        }
        List<Stamped> readings = t.readings();
        Instruction next = desk.due(t.stampNanos());
        if (next != null) {
            adopt(next);
            readings = primed(t);
        }
        if (!active) return;
        ControlTick.Outcome outcome = control.run(new TickReadings(t.index(), t.stampNanos(), readings, List.of(), Pose2D.ORIGIN), null);
        // A command went out through actuate; STOP or a failure stops the base and waits.
        if (outcome instanceof ControlTick.Outcome.Stopped) idle("policy says STOP; waiting for the next instruction");
        else if (outcome instanceof ControlTick.Outcome.Failed f) idle("policy failed: " + f.failure() + "; stopping the base");
    }

    /** Stops the base with one zero twist; ticks go on unanswered until the next instruction. */
    private void idle(String why) {
        log.accept("ros brain: " + why);
        send(Twist2D.ZERO);
        active = false;
    }

    /** A real robot's side of the control tick: no time limit, commands to cmd_vel, events and belief to the log and bus. */
    private final class RobotPorts implements ControlTick.Ports {
        @Override
        public String endReason(TickReadings tick) {
            return null;
        }

        @Override
        public void actuate(VelocityCommand command) {
            send(command.twist());
        }

        @Override
        public void event(EpisodeEvent e) {
            RosBrain.this.event(e);
        }

        @Override
        public void belief(Belief belief) {
            vertx.eventBus().publish(addresses.belief(), belief);
        }
    }

    /**
     * The adoption tick's readings plus, for each stream with none in it, its newest earlier one
     * still fresh (within 3 of its periods, the observation's age limit): the endpoint was not
     * fed while idle, and a 10 Hz camera has a frame in only every other 20 Hz tick. A function of
     * each stream's own sequence, so a replay primes the endpoint exactly as the live run did.
     */
    private List<Stamped> primed(StampTicker.Tick t) {
        List<Stamped> out = new ArrayList<>(t.readings());
        java.util.Set<String> present = new java.util.HashSet<>();
        for (Stamped r : t.readings()) present.add(streamOf(r));
        for (Map.Entry<String, Stamped> e : newestReleased.entrySet()) {
            Long period = streamPeriods.get(e.getKey());
            if (present.contains(e.getKey()) || period == null) continue;
            if (t.stampNanos() - e.getValue().header().stampNanos() < 3 * period) out.add(e.getValue());
        }
        out.sort(java.util.Comparator.comparingLong((Stamped r) -> r.header().stampNanos()).thenComparing(RosBrain::streamOf));
        return out;
    }

    private void adopt(Instruction instruction) {
        RobotDescription robot = options.bridge().robot();
        // A real robot is not told where it starts: its map frame is where odometry began. The belief
        // outlives instructions, so a second task starts from everything seen during the first.
        if (world == null) world = new WorldModel(robot, Pose2D.ORIGIN, WorldModelConfig.DEFAULTS);
        policy.reset(new EpisodeContext(robot, instruction, 0L, world));
        if (control == null) {
            control = new ControlTick(robot, policy, instruction, null, null, world, safety, new RobotPorts(), null);
            log.accept("ros brain: pipeline " + String.join(" > ", pipeline().stream().map(ControlTick.Stage::toString).toList()));
        } else {
            control.instruct(instruction);
        }
        active = true;
        log.accept("ros brain: acting on '" + instruction.text() + "'");
    }

    private void send(Twist2D twist) {
        commands.add(twist);
        cmdVel.publish(twist);
        for (Consumer<Twist2D> l : commandListeners) l.accept(twist);
    }

    private void event(EpisodeEvent e) {
        events.add(e);
        vertx.eventBus().publish(addresses.events(), e);
        log.accept("ros brain: " + e.kind() + " " + e.detail());
    }

    @Override
    public Future<String> shutDownThroughRos() {
        return shutDownByRos.future();
    }

    @Override
    public Future<?> stop() {
        if (timerId >= 0) vertx.cancelTimer(timerId);
        consumers.forEach(MessageConsumer::unregister);
        Promise<Void> done = Promise.promise();
        (node == null ? Future.<Void>succeededFuture() : node.shutdown()).onComplete(ar -> done.complete());
        return done.future();
    }
}
