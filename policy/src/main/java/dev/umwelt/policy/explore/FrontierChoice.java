package dev.umwelt.policy.explore;

import dev.umwelt.worldmodel.sound.ToneMap;
import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Pose2D;

import java.util.List;

/**
 * Where to explore next, as numbers: a lidar frontier's score is its path cost, less a bonus for
 * its size (Frontiers), plus the turn it takes to head for it, plus (AudioGoal) its distance from
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

    /**
     * The best frontier, its score in {@code score()}, or null. {@code current}: the goal of the
     * frontier route being followed, or null; {@code heard}: the AudioGoal fit, or null.
     */
    Frontiers.Frontier best(GridPlanner p, double hard, Pose2D pose, double[] current, ToneMap.Fit heard,
                                   List<double[]> setAside) {
        Frontiers.Frontier best = null;
        for (Frontiers.Frontier f : Frontiers.find(p, hard, config)) {
            if (setAside(setAside, f.x(), f.y())) continue;
            double s = f.score() + soundPull(f, heard) + turnCost(pose, f.x(), f.y());
            // Hysteresis: keep the current frontier unless another is clearly better.
            if (current != null && Math.hypot(f.x() - current[0], f.y() - current[1]) < config.keepRadius()) s -= config.keepBonus();
            if (best == null || s < best.score()) best = new Frontiers.Frontier(f.x(), f.y(), f.cells(), f.cost(), s);
        }
        return best;
    }

    /** The unviewed floor cluster worth most, or null. */
    Frontiers.Cluster bestUnviewed(GridPlanner p, CameraCoverage coverage, double hard, List<double[]> setAside) {
        Frontiers.Cluster best = null;
        for (Frontiers.Cluster c : Frontiers.unviewed(p, coverage, hard, config.unviewedMinCells())) {
            if (setAside(setAside, c.cx(), c.cy())) continue;
            if (best == null || viewScore(c, p.grid.res) < viewScore(best, p.grid.res)) best = c;
        }
        return best;
    }

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
    double soundPull(Frontiers.Frontier f, ToneMap.Fit heard) {
        return heard == null ? 0 : config.soundPull() * Math.hypot(f.x() - heard.x(), f.y() - heard.y());
    }

    boolean setAside(List<double[]> places, double x, double y) {
        for (double[] b : places) if (Math.hypot(b[0] - x, b[1] - y) < config.setAsideRadius()) return true;
        return false;
    }
}
