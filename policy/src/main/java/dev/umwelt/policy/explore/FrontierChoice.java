package dev.umwelt.policy.explore;

import dev.umwelt.worldmodel.sound.ToneMap;
import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Pose2D;

import dev.umwelt.worldmodel.grid.OccupancyGrid;
import dev.umwelt.worldmodel.query.Frontiers;
import dev.umwelt.worldmodel.query.GridPlanner;

import java.util.List;

/**
 * Where to explore next, as numbers: a lidar frontier's score is its path cost, less a bonus for
 * its size, plus the turn it takes to head for it, plus (AudioGoal) its distance from
 * the fitted source, less a bonus for the frontier already driven to. Floor the camera has not
 * seen (CameraCoverage) competes with its own score. Places the robot got stuck on or has looked
 * at are set aside.
 */
final class FrontierChoice {
    /** The weights: keepRadius, keepBonus, turnCost, soundPull, setAsideRadius, the size bonus and cluster sizes. */
    private final ExplorerConfig config;

    FrontierChoice(ExplorerConfig config) {
        this.config = config;
    }

    /** A frontier with its score (lower is better): path cost less the size bonus, plus the terms below. */
    record Scored(Frontiers.Cluster frontier, double score) {
        double x() { return frontier.x(); }
        double y() { return frontier.y(); }
    }

    /** A frontier's own score: path cost less {@code frontierSizeBonus} path metres per metre of frontier (capped at 2 m). */
    double baseScore(Frontiers.Cluster f, double resolution) {
        return f.cost() - config.frontierSizeBonus() * Math.min(2.0, f.cells() * resolution);
    }

    /**
     * The best of {@code found} (the world model's frontier clusters of the explorer's sweep), or
     * null. {@code current}: the goal of the frontier route being followed, or null; {@code heard}:
     * the AudioGoal fit, or null.
     */
    Scored best(List<Frontiers.Cluster> found, double resolution, Pose2D pose, double[] current, ToneMap.Fit heard,
                List<double[]> setAside) {
        Scored best = null;
        for (Frontiers.Cluster f : found) {
            if (setAside(setAside, f.x(), f.y())) continue;
            double s = baseScore(f, resolution) + soundPull(f.x(), f.y(), heard) + turnCost(pose, f.x(), f.y());
            // Hysteresis: keep the current frontier unless another is clearly better.
            if (current != null && Math.hypot(f.x() - current[0], f.y() - current[1]) < config.keepRadius()) s -= config.keepBonus();
            if (best == null || s < best.score()) best = new Scored(f, s);
        }
        return best;
    }

    /**
     * The unviewed floor cluster worth most, or null: free, passable cells the sweep reached that no
     * camera frame covered ({@link CameraCoverage}), in clusters of at least {@code unviewedMinCells}.
     */
    Frontiers.Cluster bestUnviewed(Frontiers finder, GridPlanner.Sweep p, CameraCoverage coverage, List<double[]> setAside) {
        OccupancyGrid g = p.grid();
        int w = g.width();
        double hard = p.rules().clearance();
        Frontiers.Cluster best = null;
        for (Frontiers.Cluster c : finder.clusters(p, k -> g.isFree(k % w, k / w) && !p.field().isLethal(k, hard)
                && !coverage.viewed(k % w, k / w), config.unviewedMinCells())) {
            if (setAside(setAside, c.cx(), c.cy())) continue;
            if (best == null || viewScore(c, g.resolution()) < viewScore(best, g.resolution())) best = c;
        }
        return best;
    }

    /** An unviewed cluster's score: path cost less the size bonus by the side of its area (sqrt(cells) x cell size). */
    double viewScore(Frontiers.Cluster c, double resolution) {
        return c.cost() - config.frontierSizeBonus() * Math.min(2.0, Math.sqrt(c.cells()) * resolution);
    }

    /** Path metres per radian the robot must turn to head for a point: turning back costs time, and undoes what it saw. */
    double turnCost(Pose2D pose, double x, double y) {
        return config.turnCost() * Math.abs(Angles.difference(Math.atan2(y - pose.y(), x - pose.x()), pose.yaw()));
    }

    /**
     * AudioGoal: metres of path cost added to a frontier per metre it lies from the fitted source,
     * trusted or not (unreachable, or just set aside): the sound is heard from there, so the
     * openings towards it come first. Zero for other goals and before a fit.
     */
    double soundPull(double x, double y, ToneMap.Fit heard) {
        return heard == null ? 0 : config.soundPull() * Math.hypot(x - heard.x(), y - heard.y());
    }

    boolean setAside(List<double[]> places, double x, double y) {
        for (double[] b : places) if (Math.hypot(b[0] - x, b[1] - y) < config.setAsideRadius()) return true;
        return false;
    }
}
