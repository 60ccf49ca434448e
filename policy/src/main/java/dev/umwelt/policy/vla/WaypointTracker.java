package dev.umwelt.policy.vla;

import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.policy.motion.CommandRamp;
import dev.umwelt.policy.motion.Polyline;
import dev.umwelt.bus.robot.MotionLimits;

import java.util.ArrayList;
import java.util.List;

/**
 * Tracks the ensembled waypoints (map frame, one per time step from now) with pure pursuit on
 * the polyline robot -> waypoints, within the base's limits ({@link CommandRamp}). The speed is
 * the one the waypoints imply (path length over the time they span); the carrot lies one second
 * of that speed ahead, between 0.15 and 0.6 m; beyond 55 degrees of heading error the robot turns
 * in place, as the explorer's controller does. Waypoints that all lie within 2 cm of the robot
 * mean "stand still". One per episode.
 */
final class WaypointTracker {
    static final double ROTATE_IN_PLACE = Math.toRadians(55);
    static final double MIN_LOOKAHEAD = 0.15, MAX_LOOKAHEAD = 0.6, STAND = 0.02;

    private final MotionLimits lim;
    private final CommandRamp ramp;

    WaypointTracker(MotionLimits limits) {
        this.lim = limits;
        this.ramp = new CommandRamp(limits);
    }

    void reset() {
        ramp.reset();
    }

    /** {@code waypoints}: {x, y} in map, waypoint j due {@code (j + 1) * stepSeconds} from now; {@code dt} the control period. */
    Twist2D next(Pose2D pose, List<double[]> waypoints, double stepSeconds, double dt) {
        List<double[]> pts = new ArrayList<>(waypoints.size() + 1);
        pts.add(new double[] {pose.x(), pose.y()});
        pts.addAll(waypoints);
        Polyline path = Polyline.of(pts);
        double farthest = 0;
        for (double[] p : waypoints) farthest = Math.max(farthest, Math.hypot(p[0] - pose.x(), p[1] - pose.y()));
        if (farthest < STAND) return ramp.next(0, 0, dt);
        double speed = Math.min(lim.maxLinearVelocity(), path.length() / (waypoints.size() * stepSeconds));
        double[] carrot = path.at(Math.min(path.length(), CommandRamp.clamp(speed * 1.0, MIN_LOOKAHEAD, MAX_LOOKAHEAD)));
        double dx = carrot[0] - pose.x(), dy = carrot[1] - pose.y();
        double ld = Math.max(1e-6, Math.hypot(dx, dy));
        double alpha = Angles.difference(Math.atan2(dy, dx), pose.yaw());
        if (Math.abs(alpha) > ROTATE_IN_PLACE) return ramp.next(0, CommandRamp.clamp(2.5 * alpha, -lim.maxAngularVelocity(), lim.maxAngularVelocity()), dt);
        double w = speed * 2 * Math.sin(alpha) / ld;
        return ramp.next(speed, w, dt);
    }

    /** Body velocities asked for directly (velocity action space), within the limits. */
    Twist2D velocity(double v, double w, double dt) {
        return ramp.next(v, w, dt);
    }
}
