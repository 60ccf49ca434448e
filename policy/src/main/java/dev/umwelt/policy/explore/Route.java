package dev.umwelt.policy.explore;

import java.util.List;

/** A polyline in map coordinates with arc-length queries for pure pursuit. Immutable. */
final class Route {
    private final double[] xs, ys, s;

    Route(List<double[]> points) {
        int n = Math.max(2, points.size());
        xs = new double[n];
        ys = new double[n];
        s = new double[n];
        for (int i = 0; i < n; i++) {
            double[] p = points.get(Math.min(i, points.size() - 1));
            xs[i] = p[0];
            ys[i] = p[1];
            if (i > 0) s[i] = s[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
        }
    }

    double length() { return s[s.length - 1]; }
    double[] end() { return new double[] {xs[xs.length - 1], ys[ys.length - 1]}; }

    /** {arcLength, distance} of the point nearest to (px, py) with arc length in [from - 0.5, from + window]. */
    double[] project(double px, double py, double from, double window) {
        double bestS = from, bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xs.length - 1; i++) {
            if (s[i + 1] < from - 0.5) continue;
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

    /** The point at arc length a, clamped to the ends. */
    double[] at(double a) {
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
