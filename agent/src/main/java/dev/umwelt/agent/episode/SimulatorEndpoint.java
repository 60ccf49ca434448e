package dev.umwelt.agent.episode;

import dev.umwelt.agent.safety.SafetyChain;
import dev.umwelt.bus.Addresses;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.scenarios.geodesic.Geodesics;
import dev.umwelt.scenarios.metrics.EpisodeMetrics;
import dev.umwelt.scenarios.metrics.MetricsCalculator;
import dev.umwelt.scenarios.metrics.TrajectoryRecorder;
import dev.umwelt.sim.Environment;
import dev.umwelt.bus.fault.Fault;
import dev.umwelt.sensors.fault.FaultInjector;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.ArrayList;
import java.util.Set;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The simulator's side of the lockstep loop, one tick at a time, all on the episode's context:
 * <ol>
 *   <li>send the tick's readings to the policy; its action chunk comes back on the action address;</li>
 *   <li>STOP ends the episode; otherwise the action in force passes the safety chain (watchdog,
 *       latched e-stop, shield; see {@link #safe}) and becomes a velocity command with the
 *       robot's command timeout;</li>
 *   <li>the simulator steps one control period with it; the ground-truth pose is recorded;</li>
 *   <li>the time limit ends the episode; otherwise the next tick starts (at once in lockstep,
 *       at its wall-clock instant with {@code --realtime}, scaled by the spec's speed).</li>
 * </ol>
 * An {@link EpisodeObserver} sees every tick and may end the episode early (a closed viewer);
 * it only reads, and its stop request is checked where the time limit is, between ticks.
 * Two one-way streams rather than request/reply: a Vert.x request arms a timeout timer and a
 * one-off reply registration per tick, and the lockstep path has no timers and no wall clock.
 * Pacing never changes what is computed, so realtime and lockstep runs give the same trajectory.
 * An interrupt (SIGINT, SIGTERM) is read at the same place and ends the episode with end reason
 * {@value #INTERRUPTED}; a paced episode waiting for its next tick's instant ends at once.
 */
final class SimulatorEndpoint {
    /** The end reason of an episode ended by a signal to the process: not an error, scored like a time-limit end. */
    static final String INTERRUPTED = "interrupted";

    private final Vertx vertx;
    private final Context context;
    private final Environment env;
    private final EpisodeSpec spec;
    private final Addresses addresses;
    private final Promise<EpisodeResult> done;
    private final TrajectoryRecorder trajectory = new TrajectoryRecorder();
    private final List<EpisodeEvent> events = new ArrayList<>();
    private MessageConsumer<Object> actions;
    private final long timeLimitNanos;
    private final long commandTimeoutNanos;
    private final long wallStartNanos = System.nanoTime(); // only for wall time spent and realtime pacing
    private final LongConsumer progress;
    private final EpisodeObserver observer;
    private final long controlPeriodNanos;
    private long ticks;
    /** The first and last camera frames seen, for the run's pictures (null until a camera delivers). */
    private CameraFrame firstFrame, lastFrame;
    /** Realtime only: ticks that started more than one control period after their wall-clock instant. */
    private long missedDeadlines;
    /** The scenario's sensor faults, applied to every tick's readings before anyone sees them (null: none). */
    private final FaultInjector faults;
    /** The safety chain (watchdog, e-stop, shield unless {@code --no-shield}); it sees every scan as delivered. */
    private final SafetyChain safety;
    private MessageConsumer<Object> estopConsumer;
    /** Whether the process asked the episode to end (read after every step, like the time limit). */
    private final BooleanSupplier interrupted;
    /** The realtime timer that will ask for the next tick (-1: none pending). */
    private long pacingTimer = -1;
    /** Set once the episode ended (any reason): later actions and timers change nothing. */
    private boolean finished;

    SimulatorEndpoint(Vertx vertx, Context context, Environment env, EpisodeSpec spec, Addresses addresses,
                      LongConsumer progress, EpisodeObserver observer, Promise<EpisodeResult> done,
                      BooleanSupplier interrupted) {
        this.vertx = vertx;
        this.interrupted = interrupted;
        this.context = context;
        this.env = env;
        this.spec = spec;
        this.addresses = addresses;
        this.progress = progress;
        this.observer = observer == null ? EpisodeObserver.NONE : observer;
        this.done = done;
        this.timeLimitNanos = Clock.seconds(spec.scenario().timeLimitSeconds());
        this.commandTimeoutNanos = spec.scenario().robot().commandTimeoutNanos();
        this.controlPeriodNanos = spec.scenario().robot().controlPeriodNanos();
        List<Fault> f = spec.scenario().faults();
        // Without faults the readings pass untouched, so fault-free trajectories cannot change.
        this.faults = f.isEmpty() ? null : new FaultInjector(f, spec.seed(), Clock.SIM_EPOCH_NANOS);
        this.safety = new SafetyChain(spec.scenario().robot(), spec.shield(), this::emit);
    }

    /** The readings as the faulty sensors deliver them: the recording, the viewer and the policy all see these. */
    private TickReadings inject(TickReadings t) {
        if (faults == null) return t;
        return new TickReadings(t.tick(), t.stampNanos(), faults.apply(t.stampNanos(), t.readings()), t.events(),
                t.groundTruth());
    }

    /** Events the policy's side detected (sensor faults): into the episode's events, recorded like the simulator's. */
    void emitFromPolicy(EpisodeEvent e) {
        emit(e);
    }

    void start() {
        actions = vertx.eventBus().consumer(addresses.action(), this::onActionMessage);
        estopConsumer = vertx.eventBus().consumer(addresses.emergencyStop(), this::onEmergencyStop);
        TickReadings first = inject(env.reset(spec.seed()));
        emit(new EpisodeEvent(new Header(first.stampNanos(), Frames.MAP), EpisodeEvent.Kind.EPISODE_STARTED, "sim",
                spec.scenario().name() + " seed=" + spec.seed() + " policy=" + spec.policy()));
        observe(first, null);
        askPolicy(first);
    }

    private void askPolicy(TickReadings tick) {
        vertx.eventBus().send(addresses.tickReadings(), tick);
    }

    private void onActionMessage(Message<Object> msg) {
        if (finished) return;
        if (msg.body() instanceof ActionChunk chunk) {
            onAction(chunk, missingRequired(msg.headers().get(PolicyEndpoint.MISSING_HEADER)));
        } else {
            finish(false, "error", new IllegalStateException(String.valueOf(msg.body())));
        }
    }

    private static Set<Modality> missingRequired(String header) {
        return SafetyChain.missingRequired(header);
    }

    /** A message on the e-stop address: true latches a stop, false releases it; anything else is ignored. */
    private void onEmergencyStop(Message<Object> msg) {
        if (msg.body() instanceof Boolean engage) safety.emergencyStop(engage, env.nowNanos());
    }

    /** The safety chain between the policy's proposal and the base ({@link SafetyChain}). */
    private Twist2D safe(long now, Twist2D proposed, Set<Modality> missing) {
        return safety.filter(now, proposed, missing);
    }

    private void onAction(ActionChunk chunk, Set<Modality> missing) {
        if (finished) return;
        try {
            long now = env.nowNanos();
            observer.onAction(chunk);
            if (chunk.stop()) {
                emit(new EpisodeEvent(new Header(now, Frames.BASE_LINK), EpisodeEvent.Kind.STOP_EMITTED, spec.policy(), ""));
                finish(true, "stop", null);
                return;
            }
            VelocityCommand command = VelocityCommand.of(now, safe(now, chunk.actionAt(now), missing), commandTimeoutNanos);
            observer.onCommand(command);
            EventBus bus = vertx.eventBus();
            bus.publish(addresses.cmdVel(), command);
            TickReadings next = inject(env.step(command));
            observe(next, command);
            if (elapsedNanos() >= timeLimitNanos) {
                emit(new EpisodeEvent(new Header(next.stampNanos(), Frames.MAP), EpisodeEvent.Kind.TIME_LIMIT_REACHED,
                        "sim", spec.scenario().timeLimitSeconds() + " s"));
                finish(false, "time-limit", null);
            } else if (interrupted.getAsBoolean()) {
                finish(false, INTERRUPTED, null);
            } else if (observer.stopRequested()) {
                finish(false, EpisodeObserver.STOPPED, null);
            } else if (spec.realtime()) {
                // At speed s a simulated nanosecond takes 1/s wall nanoseconds, and so does a deadline.
                long lateNanos = System.nanoTime() - (wallStartNanos + Math.round(elapsedNanos() / spec.speed()));
                if (lateNanos > controlPeriodNanos / spec.speed()) missedDeadlines++;
                long delayMs = -lateNanos / 1_000_000L;
                if (delayMs >= 1) pacingTimer = vertx.setTimer(delayMs, id -> {
                    pacingTimer = -1;
                    askPolicy(next);
                });
                else context.runOnContext(v -> askPolicy(next));
            } else {
                // A fresh task per tick keeps the stack flat however long the episode.
                context.runOnContext(v -> askPolicy(next));
            }
        } catch (RuntimeException e) {
            finish(false, "error", e);
        }
    }

    /**
     * On the episode's context, after {@link #interrupted} became true: a paced episode waiting
     * for its next tick ends now (at the state it would have been asked about), instead of after
     * up to one control period divided by the speed.
     */
    void interruptPacing() {
        if (finished || pacingTimer < 0 || !vertx.cancelTimer(pacingTimer)) return;
        pacingTimer = -1;
        finish(false, INTERRUPTED, null);
    }

    /** On the episode's context, after the episode failed from outside (an Error on a loop): nothing more is stepped. */
    void abandon(Throwable error) {
        if (!finished) finish(false, "error", error);
    }

    private long elapsedNanos() {
        return env.nowNanos() - Clock.SIM_EPOCH_NANOS;
    }

    private void observe(TickReadings tick, VelocityCommand command) {
        ticks = tick.tick();
        trajectory.record(tick.groundTruth());
        LidarScan scan = tick.latest(LidarScan.class);
        safety.scan(scan);
        CameraFrame frame = tick.latest(CameraFrame.class);
        if (frame != null) {
            if (firstFrame == null) firstFrame = frame;
            lastFrame = frame;
        }
        if (progress != null) progress.accept(elapsedNanos());
        observer.onTick(tick, command);
        // After the tick, so that an episode file holds a tick's readings before its events.
        tick.events().forEach(this::emit);
    }

    private void emit(EpisodeEvent e) {
        events.add(e);
        observer.onEvent(e);
        vertx.eventBus().publish(addresses.events(), e);
    }

    private void finish(boolean stopped, String reason, Throwable error) {
        finished = true;
        actions.unregister();
        estopConsumer.unregister();
        if (error != null) {
            done.tryFail(error);
            return;
        }
        try {
            Scenario s = spec.scenario();
            Geodesics geodesics = new Geodesics(ClearanceGrid.build(s.world(), ClearanceGrid.DEFAULT_RESOLUTION),
                    s.robot().footprintRadius());
            double seconds = elapsedNanos() / 1e9;
            EpisodeMetrics metrics = MetricsCalculator.compute(s, geodesics, trajectory, env.collisions(), stopped,
                    seconds, reason);
            emit(new EpisodeEvent(new Header(env.nowNanos(), Frames.MAP), EpisodeEvent.Kind.EPISODE_ENDED, "sim",
                    reason + (metrics.success() ? " success" : " failure")));
            done.tryComplete(new EpisodeResult(spec, metrics, events, ticks, missedDeadlines,
                    (System.nanoTime() - wallStartNanos) / 1e9, trajectory.poses(), firstFrame, lastFrame));
        } catch (RuntimeException e) {
            done.tryFail(e);
        }
    }
}
