package dev.umwelt.agent.safety;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.robot.RobotDescription;

import java.util.Objects;

/**
 * The last word between a policy and the base: keeps the proposed twist unless the unicycle arc
 * it drives, held over a short horizon, would bring the footprint (radius plus safety margin)
 * onto a point of the latest lidar scan; then it scales the twist down to the largest factor in
 * [0,1] whose arc stays clear (bisection), down to a stop.
 *
 * <p>The horizon is the time to brake from full speed at the base's maximum deceleration plus
 * {@value #REACTION_SECONDS} s, sampled every {@value #STEP_SECONDS} s. Scan points come from the
 * ranges per REP-117: {@code +Inf} and {@code NaN} are ignored, {@code -Inf} is an obstacle at
 * {@code rangeMin}; they are moved into base_link through the lidar mount. A point counts only
 * where the arc brings the footprint onto it <em>and</em> nearer than it is now, so a robot that
 * already stands too close can still turn in place or back away. Where no factor keeps the full
 * margin (a passage narrower than footprint plus margin, which the oracle plans through as a
 * fallback), it allows a crawl: the largest factor up to {@value #CRAWL_SCALE} whose arc keeps
 * the bare footprint {@value #CRAWL_CLEARANCE} m off every point. A pure function of its inputs:
 * the same twist, robot and scan give the same answer, in simulation and on a real robot.
 */
public final class SafetyShield {
    public static final double REACTION_SECONDS = 0.3;
    public static final double STEP_SECONDS = 0.05;
    static final int BISECTIONS = 12;

    /** The tight clearance of the crawl: beyond the bare footprint by a few lidar noise deviations. */
    public static final double CRAWL_CLEARANCE = 0.03;
    /** The largest factor of the crawl (see the class comment). */
    public static final double CRAWL_SCALE = 0.25;

    private final double radius;
    private final double inner;
    private final double horizon;
    private final int steps;
    private final Pose2D mount;

    /** What the shield lets through: the twist, the factor it was scaled by (1: untouched) and whether it intervened. */
    public record Decision(Twist2D twist, double scale, boolean intervened) {}

    public SafetyShield(RobotDescription robot) {
        Objects.requireNonNull(robot, "robot");
        this.radius = robot.footprintRadius() + robot.safetyMargin();
        this.inner = Math.min(radius, robot.footprintRadius() + CRAWL_CLEARANCE);
        double a = robot.limits().maxLinearAcceleration();
        double stopping = a > 0 ? robot.limits().maxLinearVelocity() / a : 0;
        this.horizon = stopping + REACTION_SECONDS;
        this.steps = Math.max(1, (int) Math.ceil(horizon / STEP_SECONDS));
        this.mount = robot.lidar().mount();
    }

    /** The horizon over which arcs are checked, seconds. */
    public double horizonSeconds() {
        return horizon;
    }

    /** {@code scan} null: nothing is known, the twist passes untouched. */
    public Decision filter(Twist2D proposed, LidarScan scan) {
        Objects.requireNonNull(proposed, "proposed");
        if (scan == null || (proposed.linear() == 0 && proposed.angular() == 0)) return new Decision(proposed, 1.0, false);
        double[] pts = points(scan, Math.abs(proposed.linear()) * horizon + radius);
        if (pts.length == 0 || clear(proposed, 1.0, pts, radius)) return new Decision(proposed, 1.0, false);
        double lo = largest(proposed, pts, 1.0, radius);
        // Blocked at the full margin (a doorway narrower than it): crawl on, clear of the bare footprint.
        if (lo == 0 && inner < radius) lo = clear(proposed, CRAWL_SCALE, pts, inner) ? CRAWL_SCALE
                : largest(proposed, pts, CRAWL_SCALE, inner);
        Twist2D passed = lo == 0 ? Twist2D.ZERO : new Twist2D(proposed.linear() * lo, proposed.angular() * lo);
        return new Decision(passed, lo, true);
    }

    /** The largest factor in [0, max] whose arc stays clear at clearance {@code r} (0 when none), by bisection. */
    private double largest(Twist2D twist, double[] pts, double max, double r) {
        double lo = 0, hi = max;
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = (lo + hi) / 2;
            if (clear(twist, mid, pts, r)) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    /** The scan's returns in base_link within {@code reach} of its origin, as x0,y0,x1,y1,... */
    double[] points(LidarScan scan, double reach) {
        float[] r = scan.ranges();
        double[] out = new double[2 * r.length];
        int n = 0;
        double c = Math.cos(mount.yaw()), s = Math.sin(mount.yaw());
        double reach2 = (reach + Math.hypot(mount.x(), mount.y())) * (reach + Math.hypot(mount.x(), mount.y()));
        for (int i = 0; i < r.length; i++) {
            double range = r[i];
            if (Double.isNaN(range) || range == Double.POSITIVE_INFINITY) continue;
            if (range == Double.NEGATIVE_INFINITY) range = scan.rangeMin();
            double a = scan.angleOf(i);
            double lx = range * Math.cos(a), ly = range * Math.sin(a);
            double x = mount.x() + c * lx - s * ly, y = mount.y() + s * lx + c * ly;
            if (x * x + y * y > reach2) continue;
            out[n++] = x;
            out[n++] = y;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Whether the arc of {@code scale * twist} over the horizon keeps the footprint off every point it nears. */
    private boolean clear(Twist2D twist, double scale, double[] pts, double r) {
        double v = twist.linear() * scale, w = twist.angular() * scale;
        double r2 = r * r;
        for (int k = 1; k <= steps; k++) {
            double t = Math.min(horizon, k * STEP_SECONDS);
            double x, y;
            if (Math.abs(w) < 1e-9) {
                x = v * t;
                y = 0;
            } else {
                x = v / w * Math.sin(w * t);
                y = v / w * (1 - Math.cos(w * t));
            }
            for (int i = 0; i < pts.length; i += 2) {
                double px = pts[i], py = pts[i + 1];
                double dx = px - x, dy = py - y;
                double d2 = dx * dx + dy * dy;
                if (d2 < r2 && d2 < px * px + py * py) return false;
            }
        }
        return true;
    }
}
