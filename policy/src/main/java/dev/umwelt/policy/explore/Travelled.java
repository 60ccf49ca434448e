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

    /**
     * The planning window in grid cells {x0, y0, x1, y1} (inclusive): the box, {@code margin}
     * metres wider on every side, clipped to the grid and shrunk to the observed cells in it plus
     * a 2-cell rim, so planning never sweeps empty unknown space.
     */
    int[] window(OccupancyGrid g, double margin) {
        int ax = Math.max(0, g.cellX(minX - margin)), ay = Math.max(0, g.cellY(minY - margin));
        int bx = Math.min(g.width() - 1, g.cellX(maxX + margin)), by = Math.min(g.height() - 1, g.cellY(maxY + margin));
        int[] t = g.touchedBounds(); // cells outside were never observed
        int kx0 = Integer.MAX_VALUE, ky0 = Integer.MAX_VALUE, kx1 = -1, ky1 = -1;
        if (t != null) {
            for (int y = Math.max(ay, t[1]); y <= Math.min(by, t[3]); y++) {
                for (int x = Math.max(ax, t[0]); x <= Math.min(bx, t[2]); x++) {
                    if (g.logOdds(x, y) != 0f) {
                        if (x < kx0) kx0 = x;
                        if (x > kx1) kx1 = x;
                        if (y < ky0) ky0 = y;
                        if (y > ky1) ky1 = y;
                    }
                }
            }
        }
        if (kx1 < 0) { kx0 = ax; kx1 = bx; ky0 = ay; ky1 = by; }
        kx0 = Math.max(ax, kx0 - 2); ky0 = Math.max(ay, ky0 - 2);
        kx1 = Math.min(bx, kx1 + 2); ky1 = Math.min(by, ky1 + 2);
        return new int[] {kx0, ky0, Math.max(kx0, kx1), Math.max(ky0, ky1)};
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
