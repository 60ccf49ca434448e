package dev.umwelt.agent.ros;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.ros1.AudioChunkCodec;
import dev.umwelt.bus.ros1.ClockCodec;
import dev.umwelt.bus.ros1.ImageCodec;
import dev.umwelt.bus.ros1.LaserScanCodec;
import dev.umwelt.bus.ros1.OdometryCodec;
import dev.umwelt.bus.ros1.TfMessage;
import dev.umwelt.bus.ros1.TfMessageCodec;
import dev.umwelt.bus.ros1.TwistCodec;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.rosbridge.config.BridgeConfig;
import dev.umwelt.rosbridge.config.Role;
import dev.umwelt.rosbridge.config.TopicMapping;
import dev.umwelt.rosbridge.node.NodeConfig;
import dev.umwelt.rosbridge.node.RosNode;
import dev.umwelt.rosbridge.node.RosPublisher;
import dev.umwelt.rosbridge.sensors.FrameRenamer;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.sim.Environment;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code ./umwelt ros sim}: the simulator as a ROS robot. Sets {@code /use_sim_time} true, then
 * every control period (paced to the wall clock, {@code speed} sim seconds per wall second)
 * steps the world with the newest /cmd_vel and publishes /clock, then the readings that became
 * available (scan, odometry, camera image, audio) and /tf (map -> odom from the true pose,
 * odom -> base_link from odometry); base_link -> laser and -> camera go once, latched, on
 * /tf_static. A /cmd_vel holds for the mapping's command timeout of sim time (default 0.5 s)
 * and the base stops when none came since: the deadline travels with the command the
 * simulator steps, as a real base's cmd_vel timeout. Runs until stopped or the scenario's time
 * limit (when {@code stopAtTimeLimit}).
 */
public final class RosSim extends VerticleBase implements RosMode {
    public record Options(NodeConfig node, BridgeConfig bridge, long seed, double speed) {}

    private final Options options;
    private final Function<Scenario, Environment> world;
    private final Scenario scenario;
    private final Consumer<String> log;
    private final AtomicReference<Twist2D> command = new AtomicReference<>();
    /** Sim time the newest command arrived (its deadline runs from there). */
    private volatile long commandAtNanos;
    private volatile long commandsReceived;
    private Environment env;
    private RosNode node;
    private FrameRenamer frames;
    private RosPublisher<Long> clock;
    private RosPublisher<LidarScan> scan;
    private RosPublisher<Odometry> odom;
    private RosPublisher<CameraFrame> image;
    private RosPublisher<AudioChunk> audio;
    private RosPublisher<TfMessage> tf;
    private RosPublisher<TfMessage> tfStatic;
    private long wallStartNanos;
    private volatile boolean stopped;
    private volatile TickReadings last;
    private Odometry lastOdom;
    private long timerId = -1;
    private long reportedDrops;
    private final Promise<String> shutDownByRos = Promise.promise();

    private RosSim(Options options, Scenario scenario, Function<Scenario, Environment> world, Consumer<String> log) {
        if (!(options.speed() > 0) || Double.isInfinite(options.speed())) {
            throw new IllegalArgumentException("speed must be a positive finite number: " + options.speed());
        }
        this.options = options;
        this.scenario = scenario;
        this.world = world;
        this.log = log;
    }

    /** {@code world} builds the environment (a {@code Simulator}, with or without camera). */
    public static Future<RosSim> start(Vertx vertx, Options options, Scenario scenario,
                                       Function<Scenario, Environment> world, Consumer<String> log) {
        RosSim sim = new RosSim(options, scenario, world, log);
        return vertx.deployVerticle(sim).map(id -> sim);
    }

    /** The true pose now (for tests and the console). */
    public Pose2D groundTruth() {
        TickReadings t = last;
        return t == null ? scenario.start() : t.groundTruth();
    }

    public long simTimeNanos() {
        TickReadings t = last;
        return t == null ? Clock.SIM_EPOCH_NANOS : t.stampNanos();
    }

    public long commandsReceived() {
        return commandsReceived;
    }

    public int collisions() {
        return env == null ? 0 : env.collisions();
    }

    @Override
    public Future<?> start() {
        BridgeConfig bridge = options.bridge();
        frames = new FrameRenamer(bridge.frames());
        env = world.apply(scenario);
        return RosNode.start(vertx, options.node()).compose(n -> {
            node = n;
            n.onShutdownRequested(why -> {
                halt();
                shutDownByRos.tryComplete(why);
            });
            return n.setParam("/use_sim_time", true);
        }).compose(v -> {
            List<Future<?>> all = new ArrayList<>();
            all.add(adv(Role.CLOCK, new ClockCodec(), false).onSuccess(p -> clock = p));
            all.add(adv(Role.SCAN, new LaserScanCodec(), false).onSuccess(p -> scan = p));
            all.add(adv(Role.ODOM, new OdometryCodec(), false).onSuccess(p -> odom = p));
            all.add(adv(Role.TF, new TfMessageCodec(), false).onSuccess(p -> tf = p));
            all.add(adv(Role.TF_STATIC, new TfMessageCodec(), true).onSuccess(p -> tfStatic = p));
            if (scenario.robot().cameraSpec().isPresent()) all.add(adv(Role.IMAGE, new ImageCodec(), false).onSuccess(p -> image = p));
            if (!scenario.robot().microphones().isEmpty()) all.add(adv(Role.AUDIO, new AudioChunkCodec(), false).onSuccess(p -> audio = p));
            bridge.mapping(Role.CMD_VEL).ifPresent(m -> all.add(node.subscribe(m.topic(), new TwistCodec(), m.queueSize(), this::onCommand)));
            return Future.all(all);
        }).onSuccess(v -> {
            if (tfStatic != null) tfStatic.publish(staticLinks(scenario.robot()));
            TickReadings first = env.reset(options.seed());
            wallStartNanos = System.nanoTime();
            publish(first);
            log.accept("ros sim: " + scenario.name() + " seed " + options.seed() + " at speed " + options.speed()
                    + "; /use_sim_time true; obeying " + bridge.topic(Role.CMD_VEL) + " (timeout " + bridge.commandTimeoutSeconds() + " s)");
            schedule();
        });
    }

    private <T> Future<RosPublisher<T>> adv(Role role, dev.umwelt.bus.ros1.Ros1Codec<T> codec, boolean latched) {
        TopicMapping m = options.bridge().mapping(role).orElse(null);
        if (m == null) return Future.succeededFuture(null);
        return node.advertise(m.topic(), codec, latched, Math.max(m.queueSize(), backlog(role)));
    }

    /**
     * A simulated robot publishes every message: a subscriber stalled for a while (a brain busy
     * on a loaded machine) must get each one late rather than lose it, or a bag recorded beside it
     * holds messages that brain never saw and a replay of the bag computes something else. Each
     * publication may hold {@link #BACKLOG_SECONDS} of its stream (a real driver keeps the
     * mapping's small queue: there a fresh reading beats a complete history).
     */
    private int backlog(Role role) {
        RobotDescription robot = scenario.robot();
        double hz = switch (role) {
            case SCAN -> robot.lidar().rateHz();
            case ODOM -> robot.odometry().rateHz();
            case IMAGE -> robot.cameraSpec().map(c -> c.rateHz()).orElse(1.0);
            case AUDIO -> 4 * robot.controlRateHz();
            default -> robot.controlRateHz();
        };
        return (int) Math.ceil(hz * BACKLOG_SECONDS);
    }

    static final double BACKLOG_SECONDS = 10;

    /** Says once per new loss that a subscriber missed messages (its replay will differ). */
    private void reportDrops() {
        long dropped = 0;
        for (RosPublisher<?> p : java.util.Arrays.asList(clock, scan, odom, image, audio)) if (p != null) dropped += p.droppedCount();
        if (dropped > reportedDrops) {
            log.accept("ros sim: " + dropped + " messages dropped to a subscriber " + BACKLOG_SECONDS
                    + " s behind; a bag of this session will not replay what that subscriber saw");
            reportedDrops = dropped;
        }
    }

    /** base_link -> laser and base_link -> camera, from the robot description's mounts (planar). */
    private TfMessage staticLinks(RobotDescription robot) {
        long t = Clock.SIM_EPOCH_NANOS;
        List<TfMessage.Transform> links = new ArrayList<>();
        links.add(new TfMessage.Transform(new Header(t, frames.toRos(Frames.BASE_LINK)), frames.toRos(Frames.LASER),
                robot.lidar().mount()));
        robot.cameraSpec().ifPresent(c -> links.add(new TfMessage.Transform(new Header(t, frames.toRos(Frames.BASE_LINK)),
                frames.toRos(Frames.CAMERA), new Pose2D(c.x(), c.y(), 0))));
        return new TfMessage(links);
    }

    private void onCommand(Twist2D t) {
        commandAtNanos = simTimeNanos();
        command.set(t);
        commandsReceived++;
    }

    private void schedule() {
        if (stopped) return;
        long elapsed = simTimeNanos() - Clock.SIM_EPOCH_NANOS;
        long lateNanos = System.nanoTime() - (wallStartNanos + Math.round(elapsed / options.speed()));
        long delayMs = -lateNanos / 1_000_000L;
        if (delayMs >= 1) timerId = vertx.setTimer(delayMs, id -> step());
        else context.runOnContext(v -> step());
    }

    private void step() {
        if (stopped) return;
        Twist2D t = command.get();
        // The deadline runs from the command's arrival; a stale one makes the simulated base stop.
        VelocityCommand c = t == null ? null : VelocityCommand.of(commandAtNanos, t, options.bridge().commandTimeoutNanos());
        publish(env.step(c));
        schedule();
    }

    private void publish(TickReadings tick) {
        last = tick;
        if (clock != null) clock.publish(tick.stampNanos());
        for (Stamped r : tick.readings()) {
            if (r instanceof LidarScan s && scan != null) scan.publish(frames.toRos(s));
            else if (r instanceof Odometry o) {
                lastOdom = o;
                if (odom != null) odom.publish(frames.toRos(o));
            } else if (r instanceof CameraFrame f && image != null) image.publish(frames.toRos(f));
            else if (r instanceof AudioChunk a && audio != null) audio.publish(a);
        }
        if (tf != null && lastOdom != null) tf.publish(tree(tick.stampNanos(), tick.groundTruth(), lastOdom));
        reportDrops();
    }

    /** map -> odom = truth composed with the inverse of the odometry pose; odom -> base_link = odometry. */
    private TfMessage tree(long stamp, Pose2D truth, Odometry o) {
        Pose2D b = o.pose();
        double c = Math.cos(b.yaw()), s = Math.sin(b.yaw());
        Pose2D inverse = new Pose2D(-(c * b.x() + s * b.y()), s * b.x() - c * b.y(), -b.yaw());
        Pose2D mapToOdom = truth.compose(inverse);
        mapToOdom = new Pose2D(mapToOdom.x(), mapToOdom.y(), Math.atan2(Math.sin(mapToOdom.yaw()), Math.cos(mapToOdom.yaw())));
        return new TfMessage(List.of(
                new TfMessage.Transform(new Header(stamp, frames.toRos(Frames.MAP)), frames.toRos(Frames.ODOM), mapToOdom),
                new TfMessage.Transform(new Header(o.header().stampNanos(), frames.toRos(Frames.ODOM)),
                        frames.toRos(Frames.BASE_LINK), b)));
    }

    @Override
    public Future<String> shutDownThroughRos() {
        return shutDownByRos.future();
    }

    /** No more steps: the world stands still (the node is gone or going). */
    private void halt() {
        stopped = true;
        if (timerId >= 0) vertx.cancelTimer(timerId);
    }

    @Override
    public Future<?> stop() {
        halt();
        Future<Void> down = node == null ? Future.succeededFuture() : node.shutdown().otherwiseEmpty();
        return down.onComplete(ar -> {
            if (env != null) env.close();
        });
    }
}
