package dev.umwelt.agent.privileged;

import dev.umwelt.policy.motion.Polyline;
import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.bus.Vec2;

import java.util.List;

/**
 * Shapes a planned path for the oracle: resampled every {@link #SPACING} metres and relaxed for
 * clearance, into a {@link Polyline} that pure pursuit follows.
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

    private OraclePath() {}

    static Polyline shaped(List<Vec2> waypoints, ClearanceGrid grid, double floor, double preferred) {
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
        return new Polyline(x, y);
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
}
