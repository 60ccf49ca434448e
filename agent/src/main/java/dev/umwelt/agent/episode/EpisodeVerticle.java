package dev.umwelt.agent.episode;

import dev.umwelt.bus.Addresses;
import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.agent.privileged.PrivilegedPolicy;
import dev.umwelt.policy.Policy;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.sim.Environment;
import dev.umwelt.sim.Simulator;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.WorldModelConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One episode on one Vert.x context: the simulator ({@link SimulationLoop}) and the robot's
 * {@link ControlTick} are plain objects to each other, so the lockstep hand-off is a method call
 * and the episode's order of events a pure function of its inputs. What leaves the episode goes on
 * the bus (commands, events, the belief), and the e-stop comes in on it.
 */
final class EpisodeVerticle extends VerticleBase {
    private final EpisodeSpec spec;
    private final Addresses addresses;
    private final Policy policy;
    /** Runs alongside and labels each tick ({@code spec.teacher()}); null: none. */
    private final Policy teacher;
    private final LongConsumer progress;
    private final EpisodeObserver observer;
    private final Promise<EpisodeResult> done;
    /** The runner's interrupt flag, read after every step. */
    private final BooleanSupplier interrupted;
    /** Where an Error on this episode's context goes: the runner fails every episode with it. */
    private final Consumer<Error> fatal;
    private Environment env;
    /** Set before the first tick. */
    private SimulationLoop simulator;

    EpisodeVerticle(EpisodeSpec spec, Addresses addresses, Policy policy, Policy teacher, LongConsumer progress,
                    EpisodeObserver observer, Promise<EpisodeResult> done, BooleanSupplier interrupted,
                    Consumer<Error> fatal) {
        this.spec = spec;
        this.teacher = teacher;
        this.interrupted = interrupted;
        this.fatal = fatal;
        this.addresses = addresses;
        this.policy = policy;
        this.progress = progress;
        this.observer = observer;
        this.done = done;
    }

    @Override
    public Future<?> start() {
        // A throw that escapes the handlers below would otherwise only be logged, and the caller
        // would wait for this episode forever.
        context.exceptionHandler(t -> {
            if (t instanceof Error e) fatal.accept(e);
            else fail(t);
        });
        Scenario scenario = spec.scenario();
        Instruction instruction = new Instruction(new Header(Clock.SIM_EPOCH_NANOS, Frames.BASE_LINK),
                scenario.task().instruction(), Instruction.Source.SCENARIO, 1.0);
        // map = the scenario's frame; the robot is told where it starts (as a real robot is given its
        // initial pose), odometry starts at its own origin: map -> odom starts as the start pose.
        WorldModel world = new WorldModel(scenario.robot(), scenario.start(), WorldModelConfig.DEFAULTS);
        PrivilegedPolicy.reset(policy, new EpisodeContext(scenario.robot(), instruction, spec.seed(), world), scenario);
        observer.onInstruction(instruction);
        env = spec.camera() ? new Simulator(scenario) : new Simulator(scenario, null);
        // Start ticking only once deployment completed.
        context.runOnContext(v -> {
            try {
                // the result carries the robot's final belief for map.png
                Promise<EpisodeResult> simulated = Promise.promise();
                simulated.future().onComplete(r -> {
                    if (r.failed()) done.tryFail(r.cause());
                    else done.tryComplete(r.result().withBelief(world.snapshot()));
                });
                simulator = new SimulationLoop(vertx, context, env, spec, addresses, progress, observer, simulated,
                        interrupted);
                ControlTick control = new ControlTick(scenario.robot(), policy, instruction, simulator.faults(),
                        SensorStreams.Audio.of(scenario), world, simulator.safety(), simulator, observer);
                if (teacher != null) {
                    control.teach(EpisodeTeacher.start(teacher, scenario, instruction, spec.seed(), observer::onTeacherAction));
                }
                simulator.start(control);
            } catch (RuntimeException e) {
                done.tryFail(e);
            }
        });
        return Future.succeededFuture();
    }

    /** From any thread: a paced episode waiting for its next tick's instant ends now instead (see {@link EpisodeRunner#interrupt}). */
    void interruptPacing() {
        io.vertx.core.Context c = context;
        if (c != null) c.runOnContext(v -> {
            if (simulator != null) simulator.interruptPacing();
        });
    }

    /** From any thread: the episode ends in error now; its simulator stops taking actions. */
    void fail(Throwable t) {
        done.tryFail(t);
        io.vertx.core.Context c = context;
        if (c != null) c.runOnContext(v -> {
            if (simulator != null) simulator.abandon(t);
        });
    }

    @Override
    public Future<?> stop() {
        if (env != null) {
            try {
                env.close();
            } catch (Exception e) {
                return Future.failedFuture(e);
            }
        }
        return Future.succeededFuture();
    }
}
