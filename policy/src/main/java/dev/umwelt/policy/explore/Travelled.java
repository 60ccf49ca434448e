package dev.umwelt.policy.explore;

import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.worldmodel.grid.OccupancyGrid;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the explorer has been this episode: the box around the poses it passed (planning is
 * cropped to it, widened by the lidar's reach) and the spots it looked around from, with the
 * turn of the look-around under way.
 */
final class Travelled {
    private final List<double[]> lookSpots = new ArrayList<>();
    private double minX, minY, maxX, maxY;
    private double lookTurned, lastYaw;

    /** A new episode: no box, no look spots, no turn yet (the heading the turn counts from stays). */
    void reset() {
        lookTurned = 0;
        lookSpots.clear();
        minX = minY = Double.POSITIVE_INFINITY;
        maxX = maxY = Double.NEGATIVE_INFINITY;
    }

    void pass(Pose2D pose) {
        minX = Math.min(minX, pose.x()); maxX = Math.max(maxX, pose.x());
        minY = Math.min(minY, pose.y()); maxY = Math.max(maxY, pose.y());
    }

    /** The grid over the box, {@code margin} metres wider on every side. */
    NavGrid window(OccupancyGrid grid, double margin) {
        return NavGrid.of(grid, minX - margin, minY - margin, maxX + margin, maxY + margin);
    }

    /** A look-around starts here, turning from {@code pose}'s heading. */
    void startLook(Pose2D pose) {
        lookTurned = 0;
        lastYaw = pose.yaw();
    }

    /** Counts the turn since the last tick; true once it is (nearly) a full circle, the spot then remembered. */
    boolean lookedAround(Pose2D pose) {
        lookTurned += Math.abs(Angles.difference(pose.yaw(), lastYaw));
        lastYaw = pose.yaw();
        if (lookTurned < 2 * Math.PI - 0.2) return false;
        lookSpots.add(new double[] {pose.x(), pose.y()});
        return true;
    }

    /** No look-around was made within {@code spacing} metres of {@code pose}. */
    boolean farFromLookSpots(Pose2D pose, double spacing) {
        for (double[] s : lookSpots) if (Math.hypot(s[0] - pose.x(), s[1] - pose.y()) < spacing) return false;
        return true;
    }
}
