package dev.umwelt.agent.suite;

import dev.umwelt.agent.Policies;
import dev.umwelt.agent.episode.EpisodeObserver;
import dev.umwelt.agent.episode.EpisodeRecording;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;

import dev.umwelt.bus.observation.Modality;
import dev.umwelt.policy.Policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a suite's episodes in parallel, at most {@code threads} at a time, each on its own
 * context. Every episode is self-contained (its own simulator, policy instance and seed), so
 * results do not depend on the thread count or on completion order; they are returned in entry
 * order. {@link #interrupt()} ends the episodes in flight at their next tick (end reason
 * {@code interrupted}) and starts no more: the suite then returns what ran. An {@link Error} in
 * any episode (an OutOfMemoryError, ...) starts no more either and is thrown once the episodes in
 * flight ended, their files closed.
 */
public final class SuiteRunner {
    private final int threads;
    private final boolean cameraAlways;
    private final Path episodes;
    private final Consumer<String> warn;

    /** Whether the safety shield filters the policies' commands (default on). */
    private boolean shield = true;
    /** The policy labelling every episode alongside ({@code --teacher}); null: none. */
    private String teacher;
    private volatile boolean interrupted;
    /** The runner of the suite in progress (null before and after), for {@link #interrupt()}. */
    private volatile EpisodeRunner current;
    /** Episode files not yet completed, for {@link #closeRecordings()}. */
    private final Set<EpisodeRecording> open = ConcurrentHashMap.newKeySet();

    /** From any thread: the episodes in flight end at their next tick, and no more start. */
    public void interrupt() {
        interrupted = true;
        EpisodeRunner r = current;
        if (r != null) r.interrupt();
    }

    public boolean interrupted() {
        return interrupted;
    }

    /** Last resort from any thread (the episodes did not end in time): closes every episode file still open, without a result. */
    public void closeRecordings() {
        for (EpisodeRecording r : open) r.complete(null);
    }

    /** Turns the safety shield off ({@code --no-shield}) or on; returns this runner. */
    public SuiteRunner shield(boolean on) {
        this.shield = on;
        return this;
    }

    /** Runs {@code name} (null: none) beside every episode's policy, labelling each tick; returns this runner. */
    public SuiteRunner teacher(String name) {
        this.teacher = name;
        return this;
    }

    /** Renders the camera only for policies that require it (one render thread serves every episode). */
    public SuiteRunner(int threads) {
        this(threads, false);
    }

    public SuiteRunner(int threads, boolean cameraAlways) {
        this(threads, cameraAlways, null, System.err::println);
    }

    /** Records every episode into {@code episodes} (null: none), as {@link #episodeFileName}; warnings go to {@code warn}. */
    public SuiteRunner(int threads, boolean cameraAlways, Path episodes, Consumer<String> warn) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
        this.threads = threads;
        this.cameraAlways = cameraAlways;
        this.episodes = episodes;
        this.warn = warn;
    }

    /** An episode's file name in a suite: {@code <scenario>-s<seed>-<policy>.mcap}. */
    public static String episodeFileName(EpisodeSpec spec) {
        return (spec.scenario().name() + "-s" + spec.seed() + "-" + spec.policy()).replaceAll("[^A-Za-z0-9._-]", "-")
                + ".mcap";
    }

    /**
     * {@code onDone} is called once per finished episode, from any thread. Returns one outcome per
     * entry in entry order, or after {@link #interrupt()} one per entry that started.
     */
    public List<SuiteOutcome> run(List<SuiteEntry> entries, String policy, Consumer<SuiteOutcome> onDone) {
        return run(entries, policy, Policies.maker(policy), onDone);
    }

    /** With {@code policies} making each episode's instance of {@code policy} (a learned one shares its loaded model). */
    public List<SuiteOutcome> run(List<SuiteEntry> entries, String policy, Supplier<Policy> policies,
                                  Consumer<SuiteOutcome> onDone) {
        SuiteOutcome[] outcomes = new SuiteOutcome[entries.size()];
        Semaphore slots = new Semaphore(threads);
        CountDownLatch finished = new CountDownLatch(entries.size());
        Error[] fatal = new Error[1];
        boolean camera = cameraAlways || policies.get().sensedModalities().contains(Modality.CAMERA)
                || teacher != null && Policies.create(teacher).sensedModalities().contains(Modality.CAMERA);
        try (EpisodeRunner runner = new EpisodeRunner(threads)) {
            current = runner;
            if (interrupted) runner.interrupt();
            for (int i = 0; i < entries.size(); i++) {
                slots.acquireUninterruptibly();
                boolean stop;
                synchronized (fatal) {
                    stop = interrupted || fatal[0] != null;
                }
                if (stop) {
                    // Entries never started count as finished, so that the wait below ends.
                    for (int rest = i; rest < entries.size(); rest++) finished.countDown();
                    break;
                }
                final int k = i;
                SuiteEntry e = entries.get(i);
                EpisodeSpec spec = EpisodeSpec.of(e.scenario(), policy).withSeed(e.seed()).withCamera(camera)
                        .withScenarioYaml(e.scenarioYaml()).withShield(shield).withTeacher(teacher);
                EpisodeRecording recording = episodes == null ? null
                        : EpisodeRecording.open(episodes.resolve(episodeFileName(spec)), spec, warn);
                if (recording != null) open.add(recording);
                runner.start(spec, policies.get(), null,
                        recording == null ? EpisodeObserver.NONE : recording).onComplete(ar -> {
                    // Closed before the slot is freed, on the episode's context: no file is left open.
                    if (recording != null) {
                        recording.complete(ar.succeeded() ? ar.result() : null);
                        open.remove(recording);
                    }
                    if (ar.failed() && ar.cause() instanceof Error err) {
                        synchronized (fatal) {
                            if (fatal[0] == null) fatal[0] = err;
                        }
                    }
                    SuiteOutcome o = ar.succeeded()
                            // Camera frames are dropped at once: a suite keeps every result and draws no camera.
                            ? new SuiteOutcome(e, policy, ar.result().withoutFrames(), null)
                            : new SuiteOutcome(e, policy, null, String.valueOf(ar.cause()));
                    outcomes[k] = o;
                    slots.release();
                    if (onDone != null) onDone.accept(o);
                    finished.countDown();
                });
            }
            finished.await();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("suite interrupted", ex);
        } finally {
            current = null;
        }
        synchronized (fatal) {
            if (fatal[0] != null) throw fatal[0];
        }
        List<SuiteOutcome> ran = new ArrayList<>(Arrays.asList(outcomes));
        ran.removeIf(Objects::isNull);
        return ran;
    }
}
