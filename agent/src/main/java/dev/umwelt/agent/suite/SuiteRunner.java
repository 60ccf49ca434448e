package dev.umwelt.agent.suite;

import dev.umwelt.agent.Policies;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;

import dev.umwelt.bus.observation.Modality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Runs a suite's episodes in parallel, at most {@code threads} at a time, each on its own
 * context. Every episode is self-contained (its own simulator, policy instance and seed), so
 * results do not depend on the thread count or on completion order; they are returned in entry
 * order.
 */
public final class SuiteRunner {
    private final int threads;
    private final boolean cameraAlways;

    /** Renders the camera only for policies that require it (one render thread serves every episode). */
    public SuiteRunner(int threads) {
        this(threads, false);
    }

    public SuiteRunner(int threads, boolean cameraAlways) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
        this.threads = threads;
        this.cameraAlways = cameraAlways;
    }

    /** {@code onDone} is called once per finished episode, from any thread. */
    public List<SuiteOutcome> run(List<SuiteEntry> entries, String policy, Consumer<SuiteOutcome> onDone) {
        SuiteOutcome[] outcomes = new SuiteOutcome[entries.size()];
        Semaphore slots = new Semaphore(threads);
        CountDownLatch finished = new CountDownLatch(entries.size());
        boolean camera = cameraAlways || Policies.create(policy).requiredModalities().contains(Modality.CAMERA);
        try (EpisodeRunner runner = new EpisodeRunner(threads)) {
            for (int i = 0; i < entries.size(); i++) {
                slots.acquireUninterruptibly();
                final int k = i;
                SuiteEntry e = entries.get(i);
                runner.start(new EpisodeSpec(e.scenario(), e.seed(), policy, false, camera), null).onComplete(ar -> {
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
