package dev.umwelt.agent.episode;

import dev.umwelt.agent.Policies;
import dev.umwelt.bus.Addresses;
import dev.umwelt.bus.codec.BusCodecs;
import dev.umwelt.policy.Policy;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Runs episodes on a Vert.x instance it owns, each as its own deployment on its own context
 * with its own robot addresses, so many can run side by side on one bus.
 * <p>
 * Nothing that goes wrong on its threads leaves a caller waiting: an exception that escapes an
 * episode's handlers fails that episode, and an {@link Error} anywhere on its event loops or
 * workers (an OutOfMemoryError, ...) fails every episode in flight with that error, since no
 * result of the process can be trusted after it. {@link #interrupt()} ends the running episodes
 * cleanly at their next tick.
 */
public final class EpisodeRunner implements AutoCloseable {
    private final Vertx vertx;
    private final AtomicLong robots = new AtomicLong();
    private final Set<EpisodeVerticle> running = ConcurrentHashMap.newKeySet();
    /** Read by every episode after each step; set once, by {@link #interrupt()}. */
    private volatile boolean interrupted;
    /** The first Error seen on a loop: episodes started afterwards fail with it at once. */
    private volatile Error fatal;

    /** {@code threads}: event-loop threads, i.e. episodes that can compute at the same time. */
    public EpisodeRunner(int threads) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(1, threads))
                .setWorkerPoolSize(1).setInternalBlockingPoolSize(1)
                // Planning a large map on episode start can legitimately take a second.
                .setMaxEventLoopExecuteTime(5).setMaxEventLoopExecuteTimeUnit(java.util.concurrent.TimeUnit.SECONDS));
        // Handlers that throw (outside an episode's context, or an Error anywhere) end up here.
        vertx.exceptionHandler(this::uncaught);
        BusCodecs.register(vertx);
    }

    public Vertx vertx() {
        return vertx;
    }

    public Future<EpisodeResult> start(EpisodeSpec spec, LongConsumer progressNanos) {
        return start(spec, Policies.create(spec.policy()), progressNanos);
    }

    /** Runs a policy instance of the caller's (one not known to the command line by name). */
    public Future<EpisodeResult> start(EpisodeSpec spec, Policy policy, LongConsumer progressNanos) {
        return start(spec, policy, progressNanos, EpisodeObserver.NONE);
    }

    /** With an observer (a viewer) that sees every tick on the episode's context and may end the episode early. */
    public Future<EpisodeResult> start(EpisodeSpec spec, LongConsumer progressNanos, EpisodeObserver observer) {
        return start(spec, Policies.create(spec.policy()), progressNanos, observer);
    }

    public Future<EpisodeResult> start(EpisodeSpec spec, Policy policy, LongConsumer progressNanos,
                                       EpisodeObserver observer) {
        Error already = fatal;
        if (already != null) return Future.failedFuture(already);
        Promise<EpisodeResult> done = Promise.promise();
        Addresses addresses = Addresses.of("r" + robots.incrementAndGet());
        Policy teacher = spec.teacher() == null ? null : Policies.create(spec.teacher());
        EpisodeVerticle episode = new EpisodeVerticle(spec, addresses, policy, teacher, progressNanos,
                observer == null ? EpisodeObserver.NONE : observer, done, () -> interrupted, this::uncaught);
        running.add(episode);
        done.future().onComplete(r -> running.remove(episode));
        return vertx.deployVerticle(episode).compose(id -> done.future()
                .eventually(() -> vertx.undeploy(id).recover(e -> Future.succeededFuture())));
    }

    /**
     * Ends every running episode, and every one started later, at its next tick with end reason
     * {@value SimulationLoop#INTERRUPTED}: results, metrics and recordings as for any other end.
     * Safe from any thread (a signal handler's).
     */
    public void interrupt() {
        interrupted = true;
        for (EpisodeVerticle e : running) e.interruptPacing();
    }

    public boolean interrupted() {
        return interrupted;
    }

    /** Something threw where no episode catches it: an Error fails every episode, anything else none but its own. */
    private void uncaught(Throwable t) {
        if (t instanceof Error e) {
            if (fatal == null) fatal = e;
            for (EpisodeVerticle v : running) v.fail(e);
        } else {
            // Outside every episode's context: no episode to blame, so none is failed (Vert.x would only log it).
            System.err.println("umwelt: unhandled on an event loop: " + t);
        }
    }

    /** Runs one episode to its end, blocking the calling (non-Vert.x) thread. */
    public EpisodeResult run(EpisodeSpec spec, LongConsumer progressNanos) {
        return run(spec, progressNanos, EpisodeObserver.NONE);
    }

    /** {@link #run(EpisodeSpec, LongConsumer)} with an observer (see {@link #start(EpisodeSpec, LongConsumer, EpisodeObserver)}). */
    public EpisodeResult run(EpisodeSpec spec, LongConsumer progressNanos, EpisodeObserver observer) {
        return run(spec, Policies.create(spec.policy()), progressNanos, observer);
    }

    /** With a policy instance of the caller's (a learned policy on a model it loaded once). */
    public EpisodeResult run(EpisodeSpec spec, Policy policy, LongConsumer progressNanos, EpisodeObserver observer) {
        try {
            return start(spec, policy, progressNanos, observer).toCompletionStage().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + spec.scenario().name(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // Closing is best effort: the episodes' results are already out.
        }
    }
}
