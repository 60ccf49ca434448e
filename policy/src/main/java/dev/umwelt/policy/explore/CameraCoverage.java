package dev.umwelt.policy.explore;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.robot.CameraSpec;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.worldmodel.grid.OccupancyGrid;

/**
 * Which floor the camera has looked at, on the occupancy grid's cells. The lidar maps all
 * around the robot at once, the camera only a 90 degree wedge: a room the lidar has mapped may
 * hold an object the camera never saw. Per camera frame, every lidar beam inside the camera's
 * field of view marks the cells it crosses, up to its hit (occlusion for free) or
 * {@code viewRange} (ExplorerConfig), where the object memory still names colours and shapes reliably.
 */
final class CameraCoverage {
    /** Metres a frame counts floor as seen, and (radians) the border where beams do not count: objects cut by it are not read. */
    private final double viewRange, border;

    private final OccupancyGrid grid;
    private final CameraSpec camera;
    private final Pose2D laserMount;
    private final boolean[] viewed;
    private long lastFrameStamp = Long.MIN_VALUE;

    private CameraCoverage(OccupancyGrid grid, RobotDescription robot, ExplorerConfig config) {
        this.grid = grid;
        this.viewRange = config.viewRange();
        this.border = Math.toRadians(config.viewBorder());
        this.camera = robot.camera();
        this.laserMount = robot.lidar().mount();
        this.viewed = new boolean[grid.width() * grid.height()];
    }

    /** Coverage over {@code grid}, or null for a robot without a camera. */
    static CameraCoverage of(OccupancyGrid grid, RobotDescription robot, ExplorerConfig config) {
        return robot.camera() == null ? null : new CameraCoverage(grid, robot, config);
    }

    /** Marks what the frame stamped {@code frameStamp} saw; a frame already counted is ignored. */
    void observe(long frameStamp, LidarScan scan, Pose2D base) {
        if (frameStamp == lastFrameStamp || scan == null) return;
        lastFrameStamp = frameStamp;
        Pose2D laser = base.compose(laserMount);
        double half = camera.horizontalFov() / 2 - border, step = grid.resolution() / 2;
        float[] ranges = scan.ranges();
        for (int i = 0; i < ranges.length; i++) {
            double a = dev.umwelt.bus.Angles.normalize(laserMount.yaw() + scan.angleOf(i));
            if (Math.abs(a) > half) continue;
            double r = ranges[i];
            if (Double.isNaN(r) || r < scan.rangeMin()) continue;
            double reach = Math.min(viewRange, r);
            double c = Math.cos(laser.yaw() + scan.angleOf(i)), s = Math.sin(laser.yaw() + scan.angleOf(i));
            for (double d = 0; d <= reach; d += step) {
                int ix = grid.cellX(laser.x() + d * c), iy = grid.cellY(laser.y() + d * s);
                if (grid.inGrid(ix, iy)) viewed[iy * grid.width() + ix] = true;
            }
        }
    }

    boolean viewed(int ix, int iy) {
        return !grid.inGrid(ix, iy) || viewed[iy * grid.width() + ix];
    }
}
