package dev.umwelt.sim.bench;

import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.sensing.LidarScan;

/**
 * A scripted, lidar-reactive wander for benchmarks and mapping tests: drive on unless something
 * is near ahead, then turn towards the side with more room. Not a policy: it has no goal, and it
 * is deterministic so that runs that use it repeat exactly.
 */
public final class LidarWander {
    private LidarWander() {}

    /** The command for one scan; {@code bias} (rad/s) curves the free-running path. */
    public static Twist2D command(LidarScan s, double bias) {
        if (s == null) return new Twist2D(0, 0);
        double front = Double.POSITIVE_INFINITY, left = 0, right = 0;
        for (int i = 0; i < s.beams(); i++) {
            double a = s.angleOf(i), r = s.ranges()[i];
            if (Double.isNaN(r) || r == Double.NEGATIVE_INFINITY) continue;
            if (Double.isInfinite(r)) r = s.rangeMax();
            if (Math.abs(a) < Math.toRadians(35)) front = Math.min(front, r);
            if (a > Math.toRadians(20) && a < Math.toRadians(90)) left += Math.min(r, 4);
            if (a < Math.toRadians(-20) && a > Math.toRadians(-90)) right += Math.min(r, 4);
        }
        double turn = left >= right ? 1 : -1;
        if (front < 0.55) return new Twist2D(0.0, 1.2 * turn);
        if (front < 1.0) return new Twist2D(0.2, 0.8 * turn);
        return new Twist2D(0.5, bias);
    }
}
