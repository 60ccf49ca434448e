package dev.umwelt.episodes.export;

import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Pose2D;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The true poses of an episode's last seconds, by stamp, for waypoint labels: pose at tick time
 * t + k * step, k = 1..K, expressed in the robot's frame at t (x forward, y left, yaw relative).
 * Between two recorded poses the pose is interpolated linearly (yaw the short way round); past the
 * last one the robot stays where it ended and the waypoint is marked invalid.
 */
final class Waypoints {
    private record Stamped(long stampNanos, Pose2D pose) {}

    private final ArrayDeque<Stamped> poses = new ArrayDeque<>();

    void add(long stampNanos, Pose2D pose) {
        if (!poses.isEmpty() && stampNanos <= poses.peekLast().stampNanos()) return; // ticks only move forward
        poses.addLast(new Stamped(stampNanos, pose));
    }

    long newestStamp() {
        return poses.isEmpty() ? Long.MIN_VALUE : poses.peekLast().stampNanos();
    }

    /** Forgets poses older than {@code stampNanos} except the one just before it (interpolation needs it). */
    void dropBefore(long stampNanos) {
        while (poses.size() > 1) {
            Iterator<Stamped> it = poses.iterator();
            it.next();
            if (it.next().stampNanos() > stampNanos) break;
            poses.removeFirst();
        }
    }

    /** Fills the sample's waypoints (and validity) from the poses known now. */
    void fill(TickSample s, int count, long stepNanos) {
        Pose2D origin = s.pose;
        for (int k = 1; k <= count; k++) {
            long t = s.stampNanos + k * stepNanos;
            Pose2D at = at(t);
            boolean valid = at != null;
            if (at == null) at = poses.isEmpty() ? origin : poses.peekLast().pose();
            int o = 3 * (k - 1);
            if (origin == null || at == null) {
                s.waypoints[o] = s.waypoints[o + 1] = s.waypoints[o + 2] = Float.NaN;
                s.waypointsValid[k - 1] = 0;
                continue;
            }
            double dx = at.x() - origin.x(), dy = at.y() - origin.y(), c = Math.cos(origin.yaw()), sn = Math.sin(origin.yaw());
            s.waypoints[o] = (float) (c * dx + sn * dy);
            s.waypoints[o + 1] = (float) (-sn * dx + c * dy);
            s.waypoints[o + 2] = (float) Angles.normalize(at.yaw() - origin.yaw());
            s.waypointsValid[k - 1] = (byte) (valid ? 1 : 0);
        }
    }

    /** The pose at {@code t}, interpolated; null past the newest pose or before the oldest. */
    Pose2D at(long t) {
        Stamped before = null;
        for (Stamped p : poses) {
            if (p.stampNanos() == t) return p.pose();
            if (p.stampNanos() > t) {
                if (before == null) return null;
                double f = (double) (t - before.stampNanos()) / (p.stampNanos() - before.stampNanos());
                Pose2D a = before.pose(), b = p.pose();
                return new Pose2D(a.x() + f * (b.x() - a.x()), a.y() + f * (b.y() - a.y()),
                        Angles.normalize(a.yaw() + f * Angles.difference(b.yaw(), a.yaw())));
            }
            before = p;
        }
        return null;
    }
}
