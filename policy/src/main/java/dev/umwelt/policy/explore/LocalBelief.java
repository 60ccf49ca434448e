package dev.umwelt.policy.explore;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.scenarios.robot.RobotDescription;
import dev.umwelt.worldmodel.grid.OccupancyGrid;
import dev.umwelt.worldmodel.objects.ObjectMemory;
import dev.umwelt.worldmodel.objects.RememberedObject;
import dev.umwelt.worldmodel.pose.PoseEstimator;
import dev.umwelt.worldmodel.pose.ScanMatcher;
import dev.umwelt.worldmodel.sound.SoundSourceMap;

import java.util.List;

/**
 * The explorer's own belief, for contexts without an agent-owned world model (unit tests, other
 * hosts): a pose estimator over an occupancy grid of {@code 2 * halfSize} metres square centred
 * on the start, object memory and sound map. Each reading is used once (by stamp), however many
 * ticks it stays the newest.
 */
final class LocalBelief implements BeliefView {
    private final RobotDescription robot;
    private final OccupancyGrid grid;
    private final PoseEstimator estimator;
    private final ObjectMemory objects;
    private final SoundSourceMap sounds;
    private long lastScan = Long.MIN_VALUE, lastFrame = Long.MIN_VALUE, lastAudio = Long.MIN_VALUE;
    private LidarScan latestScan;

    LocalBelief(RobotDescription robot, Pose2D start, double halfSize) {
        this.robot = robot;
        this.grid = OccupancyGrid.covering(start.x() - halfSize, start.y() - halfSize, start.x() + halfSize,
                start.y() + halfSize, OccupancyGrid.DEFAULT_RESOLUTION);
        // Matching every 5 cm / 2 degrees of odometry rather than every scan: a third of the cost, same map.
        this.estimator = new PoseEstimator(grid, new ScanMatcher(), robot.lidar().mount(), start, 0.3, 0.05,
                Math.toRadians(2), 0.1);
        this.objects = new ObjectMemory(robot);
        this.sounds = new SoundSourceMap(robot);
    }

    @Override
    public void update(Observation obs) {
        obs.odometry().value().ifPresent(estimator::onOdometry);
        LidarScan scan = obs.lidar().value().orElse(null);
        if (scan != null && scan.stampNanos() > lastScan) {
            lastScan = scan.stampNanos();
            estimator.onScan(scan);
            latestScan = scan;
        }
        CameraFrame frame = obs.camera().value().orElse(null);
        if (frame != null && frame.stampNanos() > lastFrame) {
            lastFrame = frame.stampNanos();
            objects.observe(frame, latestScan, estimator.pose());
        }
        AudioChunk audio = obs.audio().value().orElse(null);
        if (audio != null && audio.stampNanos() > lastAudio) {
            lastAudio = audio.stampNanos();
            sounds.observe(audio, estimator.pose());
        }
    }

    @Override public Pose2D pose() { return estimator.pose(); }
    @Override public OccupancyGrid grid() { return grid; }
    @Override public List<RememberedObject> objects() { return objects.objects(); }
    @Override public SoundSourceMap sounds() { return sounds; }

    RobotDescription robot() { return robot; }
}
