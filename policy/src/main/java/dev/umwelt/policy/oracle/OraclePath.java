package dev.umwelt.policy.oracle;

import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.scenarios.geometry.Vec2;

import java.util.List;

/**
 * A planned path resampled every {@link #SPACING} metres and shaped for clearance, with the
 * queries pure pursuit needs: projection of the robot onto it and the point a given arc length
 * ahead. Primitive arrays; immutable after construction.
 *
 * <p>Shaping: a geodesic hugs every corner at exactly the planning radius, and pure pursuit cuts
 * corners, so we relax the path like an elastic band: points with clearance below
 * {@code preferred} climb the clearance gradient, every point is pulled towards the midpoint of
 * its neighbours (which keeps it short and smooth), and no move may take a point below
 * {@code floor} clearance (or below its own, if it already was). In a doorway both sides push,
 * so the path runs down the middle; in open rooms corners are rounded at {@code preferred}.
 */
final class OraclePath {
    static final double SPACING = 0.05;
    private static final int ITERATIONS = 60;
    private final double[] xs, ys, s;

    private OraclePath(double[] xs, double[] ys) {
        this.xs = xs;
        this.ys = ys;
        this.s = new double[xs.length];
        for (int i = 1; i < xs.length; i++) s[i] = s[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
    }

    static OraclePath shaped(List<Vec2> waypoints, ClearanceGrid grid, double floor, double preferred) {
        double[][] p = resample(xsOf(waypoints), ysOf(waypoints));
        double[] x = p[0], y = p[1];
        double h = grid.resolution();
        for (int it = 0; it < ITERATIONS; it++) {
            for (int i = 1; i < x.length - 1; i++) {
                double c = grid.clearanceAt(x[i], y[i]);
                double nx = x[i] + 0.3 * ((x[i - 1] + x[i + 1]) / 2 - x[i]);
                double ny = y[i] + 0.3 * ((y[i - 1] + y[i + 1]) / 2 - y[i]);
                if (c < preferred) {
                    double gx = grid.clearanceAt(x[i] + h, y[i]) - grid.clearanceAt(x[i] - h, y[i]);
                    double gy = grid.clearanceAt(x[i], y[i] + h) - grid.clearanceAt(x[i], y[i] - h);
                    double gn = Math.hypot(gx, gy);
                    if (gn > 1e-9) {
                        double step = Math.min(0.02, 0.5 * (preferred - c));
                        nx += step * gx / gn;
                        ny += step * gy / gn;
                    }
                }
                if (grid.clearanceAt(nx, ny) >= Math.min(floor, c)) {
                    x[i] = nx;
                    y[i] = ny;
                }
            }
            if (it % 10 == 9) {
                double[][] r = resample(x, y);
                x = r[0];
                y = r[1];
            }
        }
        return new OraclePath(x, y);
    }

    /** Points every SPACING metres (the last gap may be shorter), endpoints kept exactly. */
    private static double[][] resample(double[] x, double[] y) {
        double total = 0;
        for (int i = 1; i < x.length; i++) total += Math.hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
        int n = Math.max(2, (int) Math.ceil(total / SPACING) + 1);
        double[] rx = new double[n], ry = new double[n];
        double step = total / (n - 1);
        int seg = 0;
        double segStart = 0;
        for (int k = 0; k < n; k++) {
            double target = k == n - 1 ? total : k * step;
            while (seg < x.length - 2 && segStart + Math.hypot(x[seg + 1] - x[seg], y[seg + 1] - y[seg]) < target) {
                segStart += Math.hypot(x[seg + 1] - x[seg], y[seg + 1] - y[seg]);
                seg++;
            }
            double len = Math.hypot(x[seg + 1] - x[seg], y[seg + 1] - y[seg]);
            double f = len == 0 ? 0 : Math.max(0, Math.min(1, (target - segStart) / len));
            rx[k] = x[seg] + f * (x[seg + 1] - x[seg]);
            ry[k] = y[seg] + f * (y[seg + 1] - y[seg]);
        }
        rx[0] = x[0]; ry[0] = y[0];
        rx[n - 1] = x[x.length - 1]; ry[n - 1] = y[y.length - 1];
        return new double[][] {rx, ry};
    }

    private static double[] xsOf(List<Vec2> w) {
        double[] a = new double[Math.max(2, w.size())];
        for (int i = 0; i < a.length; i++) a[i] = w.get(Math.min(i, w.size() - 1)).x();
        return a;
    }

    private static double[] ysOf(List<Vec2> w) {
        double[] a = new double[Math.max(2, w.size())];
        for (int i = 0; i < a.length; i++) a[i] = w.get(Math.min(i, w.size() - 1)).y();
        return a;
    }

    double length() {
        return s[s.length - 1];
    }

    /**
     * Arc length of the point nearest to (px, py) among segments whose start lies within
     * [from - 0.5, from + window] metres of arc length (a window, so the robot never jumps to a
     * later pass of the path that happens to be near). Returns {arcLength, distance}.
     */
    double[] project(double px, double py, double from, double window) {
        double bestS = from, bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xs.length - 1; i++) {
            if (s[i] < from - 0.5) continue;
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

    /** The path point at arc length a (clamped to the ends): {x, y}. */
    double[] at(double a) {
        if (a <= 0) return new double[] {xs[0], ys[0]};
        int last = xs.length - 1;
        if (a >= s[last]) return new double[] {xs[last], ys[last]};
        int lo = 0, hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] <= a) lo = mid; else hi = mid;
        }
        double f = (a - s[lo]) / (s[hi] - s[lo]);
        return new double[] {xs[lo] + f * (xs[hi] - xs[lo]), ys[lo] + f * (ys[hi] - ys[lo])};
    }
}
