package dev.umwelt.agent.episode;

import dev.umwelt.agent.safety.SafetyChain;
import dev.umwelt.bus.Addresses;
import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.belief.Belief;
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
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The lockstep simulation around one robot's {@link ControlTick}, all on the episode's context:
 * reset the simulator; then, tick after tick, run the control tick on the readings and step the
 * simulator one control period with the command it passed; the ground-truth pose is recorded
 * with each tick. The tick ends the episode at STOP, at the time limit, on an interrupt or when
 * an {@link EpisodeObserver} asks (a closed viewer), checked once the tick's readings are
 * recorded. Ticks follow each other at once in lockstep, or at their wall-clock instant with
 * {@code --realtime}, scaled by the spec's speed; pacing never changes what is computed, so
 * realtime and lockstep runs give the same trajectory. Each tick is its own task on the context,
 * which keeps the stack flat however long the episode and lets an e-stop message in between.
 * An interrupt (SIGINT, SIGTERM) ends the episode with end reason {@value #INTERRUPTED}; a paced
 * episode waiting for its next tick's instant ends at once.
 */
final class SimulationLoop implements ControlTick.Ports {
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
    private final long timeLimitNanos;
    private final long wallStartNanos = System.nanoTime(); // only for wall time spent and realtime pacing
    private final LongConsumer progress;
    private final EpisodeObserver observer;
    private final long controlPeriodNanos;
    private long ticks;
    /** The first and last camera frames seen, for the run's pictures (null until a camera delivers). */
    private CameraFrame firstFrame, lastFrame;
    /** Realtime only: ticks that started more than one control period after their wall-clock instant. */
    private long missedDeadlines;
    /** The safety chain (watchdog, e-stop, shield unless {@code --no-shield}); the control tick runs it. */
    private final SafetyChain safety;
    private ControlTick control;
    private MessageConsumer<Object> estopConsumer;
    /** Whether the process asked the episode to end (read with every tick, like the time limit). */
    private final BooleanSupplier interrupted;
    /** The realtime timer that will run the next tick (-1: none pending). */
    private long pacingTimer = -1;
    /** Set once the episode ended (any reason): later timers change nothing. */
    private boolean finished;

    SimulationLoop(Vertx vertx, Context context, Environment env, EpisodeSpec spec, Addresses addresses,
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
        this.controlPeriodNanos = spec.scenario().robot().controlPeriodNanos();
        this.safety = new SafetyChain(spec.scenario().robot(), spec.shield(), this::event);
    }

    /** The scenario's sensor faults, applied to every tick's readings before anyone sees them (null: none). */
    FaultInjector faults() {
        List<Fault> f = spec.scenario().faults();
        // Without faults the readings pass untouched, so fault-free trajectories cannot change.
        return f.isEmpty() ? null : new FaultInjector(f, spec.seed(), Clock.SIM_EPOCH_NANOS);
    }

    SafetyChain safety() {
        return safety;
    }

    /** Starts the episode with {@code control}, the robot's tick, built on this loop's ports. */
    void start(ControlTick control) {
        this.control = control;
        observer.onPipeline(control.stages());
        estopConsumer = vertx.eventBus().consumer(addresses.emergencyStop(), this::onEmergencyStop);
        TickReadings first = env.reset(spec.seed());
        event(new EpisodeEvent(new Header(first.stampNanos(), Frames.MAP), EpisodeEvent.Kind.EPISODE_STARTED, "sim",
                spec.scenario().name() + " seed=" + spec.seed() + " policy=" + spec.policy()));
        tick(first, null);
    }

    /** A message on the e-stop address: true latches a stop, false releases it; anything else is ignored. */
    private void onEmergencyStop(Message<Object> msg) {
        if (msg.body() instanceof Boolean engage) safety.emergencyStop(engage, env.nowNanos());
    }

    private void tick(TickReadings readings, VelocityCommand previous) {
        if (finished) return;
        try {
            ticks = readings.tick();
            trajectory.record(readings.groundTruth());
            if (progress != null) progress.accept(elapsedNanos());
            ControlTick.Outcome outcome = control.run(readings, previous);
            if (outcome instanceof ControlTick.Outcome.Commanded c) {
                next(env.step(c.command()), c.command());
            } else if (outcome instanceof ControlTick.Outcome.Stopped) {
                event(new EpisodeEvent(new Header(env.nowNanos(), Frames.BASE_LINK), EpisodeEvent.Kind.STOP_EMITTED,
                        spec.policy(), ""));
                finish(true, "stop", null);
            } else if (outcome instanceof ControlTick.Outcome.Ended e) {
                finish(false, e.reason(), null);
            } else if (outcome instanceof ControlTick.Outcome.Failed f) {
                finish(false, "error", new IllegalStateException(f.failure().toString()));
            }
        } catch (RuntimeException e) {
            finish(false, "error", e);
        }
    }

    /** Schedules the tick of {@code readings}: at once in lockstep, at its instant when paced. */
    private void next(TickReadings readings, VelocityCommand command) {
        if (spec.realtime()) {
            // At speed s a simulated nanosecond takes 1/s wall nanoseconds, and so does a deadline.
            long lateNanos = System.nanoTime() - (wallStartNanos + Math.round(elapsedNanos() / spec.speed()));
            if (lateNanos > controlPeriodNanos / spec.speed()) missedDeadlines++;
            long delayMs = -lateNanos / 1_000_000L;
            if (delayMs >= 1) {
                pacingTimer = vertx.setTimer(delayMs, id -> {
                    pacingTimer = -1;
                    tick(readings, command);
                });
                return;
            }
        }
        // A fresh task per tick keeps the stack flat however long the episode.
        context.runOnContext(v -> tick(readings, command));
    }

    @Override
    public String endReason(TickReadings tick) {
        CameraFrame frame = tick.latest(CameraFrame.class);
        if (frame != null) {
            if (firstFrame == null) firstFrame = frame;
            lastFrame = frame;
        }
        if (tick.tick() == 0) return null; // the reset: the policy always gets one look
        if (elapsedNanos() >= timeLimitNanos) {
            event(new EpisodeEvent(new Header(tick.stampNanos(), Frames.MAP), EpisodeEvent.Kind.TIME_LIMIT_REACHED,
                    "sim", spec.scenario().timeLimitSeconds() + " s"));
            return "time-limit";
        }
        if (interrupted.getAsBoolean()) return INTERRUPTED;
        if (observer.stopRequested()) return EpisodeObserver.STOPPED;
        return null;
    }

    @Override
    public void actuate(VelocityCommand command) {
        vertx.eventBus().publish(addresses.cmdVel(), command);
    }

    @Override
    public void belief(Belief belief) {
        vertx.eventBus().publish(addresses.belief(), belief);
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

    @Override
    public void event(EpisodeEvent e) {
        events.add(e);
        observer.onEvent(e);
        vertx.eventBus().publish(addresses.events(), e);
    }

    private void finish(boolean stopped, String reason, Throwable error) {
        finished = true;
        if (estopConsumer != null) estopConsumer.unregister();
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
            event(new EpisodeEvent(new Header(env.nowNanos(), Frames.MAP), EpisodeEvent.Kind.EPISODE_ENDED, "sim",
                    reason + (metrics.success() ? " success" : " failure")));
            done.tryComplete(new EpisodeResult(spec, metrics, events, ticks, missedDeadlines,
                    (System.nanoTime() - wallStartNanos) / 1e9, trajectory.poses(), firstFrame, lastFrame));
        } catch (RuntimeException e) {
            done.tryFail(e);
        }
    }
}
