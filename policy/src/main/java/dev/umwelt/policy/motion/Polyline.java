package dev.umwelt.policy.motion;

import java.util.List;

/**
 * A path as a polyline in {@code map} with arc-length queries, the shape pure pursuit needs:
 * where along the path the robot is, and the point a lookahead further on. Immutable; the
 * oracle's shaped paths and the explorer's planned routes are both one.
 */
public final class Polyline {
    /** How far behind the last known arc length a projection may still land, metres. */
    static final double BACKTRACK = 0.5;

    private final double[] xs, ys, s;

    /** {@code points}: {x, y} pairs; a single point is a zero-length path. */
    public static Polyline of(List<double[]> points) {
        int n = Math.max(2, points.size());
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] p = points.get(Math.min(i, points.size() - 1));
            x[i] = p[0];
            y[i] = p[1];
        }
        return new Polyline(x, y);
    }

    public Polyline(double[] xs, double[] ys) {
        if (xs.length != ys.length || xs.length < 2) throw new IllegalArgumentException("a polyline needs >= 2 points, x and y alike");
        this.xs = xs.clone();
        this.ys = ys.clone();
        s = new double[xs.length];
        for (int i = 1; i < xs.length; i++) s[i] = s[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
    }

    public double length() {
        return s[s.length - 1];
    }

    public double[] end() {
        return new double[] {xs[xs.length - 1], ys[ys.length - 1]};
    }

    /**
     * {arcLength, distance} of the point nearest to (px, py) among segments that reach into
     * [from - 0.5, from + window] metres of arc length: a window, so the robot never jumps to a
     * later pass of the path that happens to be near.
     */
    public double[] project(double px, double py, double from, double window) {
        double bestS = from, bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xs.length - 1; i++) {
            if (s[i + 1] < from - BACKTRACK) continue;
            if (s[i] > from + window) break;
            double dx = xs[i + 1] - xs[i], dy = ys[i + 1] - ys[i], len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - xs[i]) * dx + (py - ys[i]) * dy) / len2));
            double d = Math.hypot(px - xs[i] - t * dx, py - ys[i] - t * dy);
            if (d < bestD) {
                bestD = d;
                bestS = s[i] + t * (s[i + 1] - s[i]);
            }
        }
        return new double[] {bestS, bestD};
    }

    /** The point at arc length {@code a}, clamped to the ends: {x, y}. */
    public double[] at(double a) {
        int last = xs.length - 1;
        if (a <= 0) return new double[] {xs[0], ys[0]};
        if (a >= s[last]) return new double[] {xs[last], ys[last]};
        int lo = 0, hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] <= a) lo = mid; else hi = mid;
        }
        double f = s[hi] == s[lo] ? 0 : (a - s[lo]) / (s[hi] - s[lo]);
        return new double[] {xs[lo] + f * (xs[hi] - xs[lo]), ys[lo] + f * (ys[hi] - ys[lo])};
    }
}
