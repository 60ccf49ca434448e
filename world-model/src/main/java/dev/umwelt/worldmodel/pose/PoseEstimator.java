package dev.umwelt.worldmodel.pose;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.worldmodel.grid.LikelihoodField;
import dev.umwelt.worldmodel.grid.OccupancyGrid;

/**
 * The robot's pose in {@code map}: wheel odometry ({@code odom -> base_link}) composed with the
 * {@code map -> odom} correction, which each scan match updates (REP-105: the estimator owns
 * {@code map -> odom}, never edits odometry). Each scan: the odometry pose is extrapolated to
 * the scan's stamp with the odometry twist, the predicted map pose is matched against the grid,
 * the correction is kept if the match scores at least {@code minScore}, and the scan is
 * integrated at the (corrected) laser pose. Matching runs once the robot has moved
 * {@code matchDistance} / turned {@code matchAngle} since the last match (0: every scan).
 */
public final class PoseEstimator {
    private final OccupancyGrid grid;
    private final LikelihoodField field;
    private final ScanMatcher matcher;
    private final Pose2D laserMount;
    private final double minScore, matchDistance, matchAngle;

    private Pose2D mapToOdom;
    private Odometry lastOdom;
    private Pose2D lastMatchOdom;
    private ScanMatcher.Match lastMatch;
    private long matches, rejected;

    public PoseEstimator(OccupancyGrid grid, Pose2D laserMount, Pose2D initialMapToOdom) {
        this(grid, new ScanMatcher(), laserMount, initialMapToOdom, 0.3, 0, 0, 0.1);
    }

    public PoseEstimator(OccupancyGrid grid, ScanMatcher matcher, Pose2D laserMount, Pose2D initialMapToOdom,
                         double minScore, double matchDistance, double matchAngle, double sigma) {
        this.grid = grid;
        this.field = new LikelihoodField(grid, sigma);
        this.matcher = matcher;
        this.laserMount = laserMount;
        this.mapToOdom = initialMapToOdom;
        this.minScore = minScore;
        this.matchDistance = matchDistance;
        this.matchAngle = matchAngle;
    }

    public void onOdometry(Odometry odometry) {
        lastOdom = odometry;
    }

    /** Processes one scan; returns the base_link pose in map at the scan's stamp. */
    public Pose2D onScan(LidarScan scan) {
        Pose2D odomPose = odomPoseAt(scan.header().stampNanos());
        Pose2D predicted = mapToOdom.compose(odomPose);
        Pose2D corrected = predicted;
        boolean due = lastMatchOdom == null
                || lastMatchOdom.distanceTo(odomPose) >= matchDistance
                || Poses.yawError(lastMatchOdom, odomPose) >= matchAngle;
        if (grid.scans() > 0 && due) {
            field.update();
            ScanMatcher.Match m = matcher.match(field, scan, laserMount, predicted);
            lastMatch = m;
            if (m.score() >= minScore) {
                corrected = m.pose();
                mapToOdom = corrected.compose(Poses.inverse(odomPose));
                matches++;
            } else {
                rejected++;
            }
            lastMatchOdom = odomPose;
        }
        grid.integrate(scan, corrected.compose(laserMount));
        return corrected;
    }

    private Pose2D odomPoseAt(long stampNanos) {
        if (lastOdom == null) return Pose2D.ORIGIN;
        double dt = (stampNanos - lastOdom.header().stampNanos()) * 1e-9;
        if (dt <= 0 || dt > 0.2) return lastOdom.pose();
        double v = lastOdom.twist().linear(), w = lastOdom.twist().angular();
        return lastOdom.pose().compose(new Pose2D(v * dt * Math.cos(w * dt / 2), v * dt * Math.sin(w * dt / 2), w * dt));
    }

    /** The base_link pose in map now: map->odom composed with the latest odometry. */
    public Pose2D pose() {
        return mapToOdom.compose(lastOdom == null ? Pose2D.ORIGIN : lastOdom.pose());
    }

    /** The base_link pose in map at {@code stampNanos}: the latest odometry extrapolated by its twist (up to 0.2 s). */
    public Pose2D poseAt(long stampNanos) {
        return mapToOdom.compose(odomPoseAt(stampNanos));
    }

    /** The map->odom correction. */
    public Pose2D mapToOdom() { return mapToOdom; }
    public OccupancyGrid grid() { return grid; }
    public LikelihoodField likelihoodField() { return field; }
    /** The last match attempted, null before the second scan. */
    public ScanMatcher.Match lastMatch() { return lastMatch; }
    public long matches() { return matches; }
    public long rejectedMatches() { return rejected; }
}
