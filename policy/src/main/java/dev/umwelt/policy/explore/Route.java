package dev.umwelt.policy.explore;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.policy.motion.Polyline;
import dev.umwelt.worldmodel.WorldModel;

/**
 * The route the explorer is driving along: the planned polyline, how far along it the robot is,
 * where it leads (a frontier or not), when it was planned, and whether the robot is still making
 * headway on it. Pure pursuit itself is {@link Drive#follow}; what to do when the robot stalls is
 * the policy's decision, so {@link #follow} reports a {@link Stall} instead of acting on it.
 */
final class Route {
    /** Replan after this long (ExplorerConfig.replanSeconds); stall and off-route limits from the config too. */
    private final long replanNanos;
    private final double stallSeconds, stallProgress, offRoute;

    /** What following gives this tick: a twist to steer by, or a stall. */
    sealed interface Step permits Steer, Stall {}

    record Steer(Twist2D twist) implements Step {}

    /**
     * Less than stallProgress m of headway in stallSeconds while following: the route is
     * dropped; {@code goal} (a copy) is where it led, {@code toFrontier} whether that was a frontier.
     */
    record Stall(double[] goal, boolean toFrontier) implements Step {}

    Route(ExplorerConfig config) {
        replanNanos = ExplorerConfig.nanos(config.replanSeconds());
        stallSeconds = config.stallSeconds();
        stallProgress = config.stallProgress();
        offRoute = config.offRoute();
    }

    private Drive drive;
    private WorldModel belief;
    private double openClearance;
    private Polyline path;
    private double progress;
    /** Where the robot was when it last made stallProgress metres of headway. */
    private double[] anchor;
    private long planStamp = Long.MIN_VALUE, progressStamp;
    private double[] goal;
    private boolean toFrontier;

    /**
     * A new episode: drive with {@code drive} on {@code belief}'s grid ({@code openClearance}
     * stands in for the clearance before the first scan). Nothing of the last episode's route
     * is kept: its goal would earn a frontier of the new map the keep-current bonus.
     */
    void reset(Drive drive, WorldModel belief, double openClearance) {
        this.drive = drive;
        this.belief = belief;
        this.openClearance = openClearance;
        path = null;
        goal = null;
        toFrontier = false;
        progress = 0;
        anchor = null;
        planStamp = Long.MIN_VALUE;
    }

    /** Follow {@code path} from its start, planned at {@code now}; {@code frontier}: it leads to a frontier. */
    void set(Polyline path, long now, boolean frontier) {
        this.path = path;
        goal = path.end();
        toFrontier = frontier;
        progress = 0;
        planStamp = now;
    }

    /** Forget the polyline (plan afresh next tick); the goal and its kind stay readable. */
    void drop() {
        path = null;
    }

    boolean active() {
        return path != null;
    }

    /** The end of the route being followed, or of the last one (null before any). */
    double[] goal() {
        return goal;
    }

    boolean toFrontier() {
        return toFrontier;
    }

    /** No route, or one planned replanSeconds ago or more, or the robot more than offRoute from it. */
    boolean needsPlan(Pose2D pose, long now) {
        return path == null || stale(pose, now);
    }

    /** An active route planned replanSeconds ago or more, or the robot more than offRoute from it. */
    boolean stale(Pose2D pose, long now) {
        return now - planStamp >= replanNanos || offRoute(pose);
    }

    private boolean offRoute(Pose2D pose) {
        return path != null && path.project(pose.x(), pose.y(), progress, 1.5)[1] > offRoute;
    }

    /** Stall detection only counts time spent following a route; turning on the spot restarts it. */
    void restartStallClock() {
        anchor = null;
    }

    /** Pure pursuit along the active route, coming to rest {@code restAt} m before its end; or a stall. */
    Step follow(Pose2D pose, long now, double restAt) {
        double[] proj = path.project(pose.x(), pose.y(), progress, 1.5);
        progress = proj[0];
        if (anchor == null || Math.hypot(anchor[0] - pose.x(), anchor[1] - pose.y()) > stallProgress) {
            anchor = new double[] {pose.x(), pose.y()};
            progressStamp = now;
        } else if ((now - progressStamp) * 1e-9 > stallSeconds) {
            anchor = null;
            path = null;
            return new Stall(goal.clone(), toFrontier);
        }
        double clearance = belief.grid().scans() > 0 ? clearanceAt(pose) : openClearance;
        return new Steer(drive.follow(path, progress, pose, clearance, restAt, Double.POSITIVE_INFINITY));
    }

    private double clearanceAt(Pose2D pose) {
        // The belief's clearance field (rebuilt only when the grid changed); speed and lookahead
        // stop depending on it beyond about 0.6 m.
        return belief.clearance().clearanceAt(pose.x(), pose.y());
    }
}
