package dev.umwelt.agent.view;

import dev.umwelt.agent.episode.EpisodeObserver;
import dev.umwelt.agent.pictures.ViewerState;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.scenarios.Scenario;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The hand-off between an episode and the viewer thread. On the episode's context it turns
 * each tick into an immutable {@link ViewerState} and publishes it through an
 * {@link AtomicReference} (the viewer draws whichever is newest, skipping the rest); the
 * viewer thread sets the stop request the episode polls. Nothing else crosses threads.
 */
public final class ViewerFeed implements EpisodeObserver {
    private final Scenario scenario;
    private final AtomicReference<ViewerState> latest = new AtomicReference<>();
    private volatile boolean stop;

    // Episode context only: the path so far and the newest scan and frame (they come at their own rates).
    private Pose2D[] path = new Pose2D[256];
    private int size;
    private LidarScan scan;
    private CameraFrame camera;

    public ViewerFeed(Scenario scenario) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
    }

    public Scenario scenario() {
        return scenario;
    }

    @Override
    public void onTick(TickReadings tick, VelocityCommand command) {
        if (size == path.length) path = Arrays.copyOf(path, size * 2);
        path[size++] = tick.groundTruth();
        LidarScan s = tick.latest(LidarScan.class);
        if (s != null) scan = s;
        CameraFrame f = tick.latest(CameraFrame.class);
        if (f != null) camera = f;
        latest.set(new ViewerState(scenario, tick.groundTruth(), new PathPrefix(path, size), scan, camera, null,
                command == null ? null : command.twist(), (tick.stampNanos() - Clock.SIM_EPOCH_NANOS) / 1e9));
    }

    @Override
    public boolean stopRequested() {
        return stop;
    }

    /** The newest state, or null before the first tick (any thread). */
    public ViewerState latest() {
        return latest.get();
    }

    /** Asks the episode to end at its next tick (the viewer thread, when the window closes). */
    public void requestStop() {
        stop = true;
    }

    /**
     * The first {@code size} poses of an append-only array: immutable, although the array is
     * shared. Appends write only past {@code size} (or into a fresh copy when it grows), so the
     * slots a snapshot reads never change after the volatile publication that made them
     * visible. O(1) per tick, where copying the path would be O(n).
     */
    private static final class PathPrefix extends AbstractList<Pose2D> implements RandomAccess {
        private final Pose2D[] poses;
        private final int size;

        PathPrefix(Pose2D[] poses, int size) {
            this.poses = poses;
            this.size = size;
        }

        @Override
        public Pose2D get(int index) {
            Objects.checkIndex(index, size);
            return poses[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
