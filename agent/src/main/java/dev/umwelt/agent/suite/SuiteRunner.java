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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a suite's episodes in parallel, at most {@code threads} at a time, each on its own
 * context. Every episode is self-contained (its own simulator, policy instance and seed), so
 * results do not depend on the thread count or on completion order; they are returned in entry
 * order.
 */
public final class SuiteRunner {
    private final int threads;
    private final boolean cameraAlways;
    private final Path episodes;
    private final Consumer<String> warn;

    /** Whether the safety shield filters the policies' commands (default on). */
    private boolean shield = true;

    /** Turns the safety shield off ({@code --no-shield}) or on; returns this runner. */
    public SuiteRunner shield(boolean on) {
        this.shield = on;
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

    /** {@code onDone} is called once per finished episode, from any thread. */
    public List<SuiteOutcome> run(List<SuiteEntry> entries, String policy, Consumer<SuiteOutcome> onDone) {
        return run(entries, policy, Policies.maker(policy), onDone);
    }

    /** With {@code policies} making each episode's instance of {@code policy} (a learned one shares its loaded model). */
    public List<SuiteOutcome> run(List<SuiteEntry> entries, String policy, Supplier<Policy> policies,
                                  Consumer<SuiteOutcome> onDone) {
        SuiteOutcome[] outcomes = new SuiteOutcome[entries.size()];
        Semaphore slots = new Semaphore(threads);
        CountDownLatch finished = new CountDownLatch(entries.size());
        boolean camera = cameraAlways || policies.get().sensedModalities().contains(Modality.CAMERA);
        try (EpisodeRunner runner = new EpisodeRunner(threads)) {
            for (int i = 0; i < entries.size(); i++) {
                slots.acquireUninterruptibly();
                final int k = i;
                SuiteEntry e = entries.get(i);
                EpisodeSpec spec = new EpisodeSpec(e.scenario(), e.seed(), policy, false, camera, 1.0, e.scenarioYaml(),
                        shield);
                EpisodeRecording recording = episodes == null ? null
                        : EpisodeRecording.open(episodes.resolve(episodeFileName(spec)), spec, warn);
                runner.start(spec, policies.get(), null,
                        recording == null ? EpisodeObserver.NONE : recording).onComplete(ar -> {
                    // Closed before the slot is freed, on the episode's context: no file is left open.
                    if (recording != null) recording.complete(ar.succeeded() ? ar.result() : null);
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
        }
        return new ArrayList<>(Arrays.asList(outcomes));
    }
}
