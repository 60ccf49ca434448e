package dev.umwelt.worldmodel.sound;

import java.util.ArrayList;
import java.util.List;

/**
 * The least-squares geometry behind {@link SoundSourceMap}: candidate points from ray
 * intersections, a robust angular cost, Gauss-Newton refinement and the position uncertainty.
 *
 * <p>No trigonometry per ray: for a ray with unit direction d at origin o and a point p, with
 * v = p - o, the nearer hypothesis is the one with the larger d.v, and the angle error is taken
 * as its sine, (d x v) / |v|; errors beyond {@link #CAP} are outliers, where sine and angle
 * differ by under 0.5%. That keeps one ray-point test at ~10 flops, which is what makes
 * scoring a thousand candidates cheap enough to do every second.
 */
final class Triangulation {
    /** Angle errors are capped (cost) or left out (refinement, uncertainty) beyond this. */
    static final double CAP = Math.toRadians(10);
    private static final double SIN_CAP2 = Math.sin(CAP) * Math.sin(CAP);
    /** Candidates are scored on at most this many rays, spread evenly over the window. */
    static final int COARSE_RAYS = 48;

    private Triangulation() {}

    /**
     * Squared sine of the angle from ray k's nearer hypothesis to (x, y), or -1 when both
     * hypotheses are more than {@link #CAP} away (an outlier). {@code out[0]} gets the signed
     * sine error, {@code out[1]} and {@code out[2]} v = p - o when {@code out} is not null.
     */
    private static double err2(RayWindow.Flat f, int k, double x, double y) {
        double vx = x - f.ox[k], vy = y - f.oy[k];
        double df = f.fc[k] * vx + f.fs[k] * vy, db = f.bc[k] * vx + f.bs[k] * vy;
        double cross, dot;
        if (df >= db) { dot = df; cross = f.fc[k] * vy - f.fs[k] * vx; }
        else { dot = db; cross = f.bc[k] * vy - f.bs[k] * vx; }
        if (dot <= 0) return -1;
        double r2 = vx * vx + vy * vy;
        double e2 = cross * cross / r2;
        return e2 > SIN_CAP2 ? -1 : e2;
    }

    /** Weighted RMS angle error over every {@code stride}-th ray, outliers counted at the cap. */
    static double cost(RayWindow.Flat f, double x, double y, int stride) {
        double sum = 0, wsum = 0;
        for (int k = f.n - 1; k >= 0; k -= stride) {
            double e2 = err2(f, k, x, y);
            sum += f.w[k] * (e2 < 0 ? SIN_CAP2 : e2);
            wsum += f.w[k];
        }
        return Math.sqrt(sum / wsum);
    }

    static double cost(RayWindow.Flat f, double x, double y) {
        return cost(f, x, y, 1);
    }

    /** Intersections of pairs of sampled rays (all four front/back pairings) plus points along the latest ray. */
    static List<double[]> candidates(RayWindow.Flat f) {
        List<double[]> out = new ArrayList<>();
        int n = f.n, step = Math.max(1, n / 24);
        for (int i = n - 1; i >= 0; i -= step)
            for (int j = i - step; j >= 0; j -= step)
                for (int hi = 0; hi < 2; hi++)
                    for (int hj = 0; hj < 2; hj++) {
                        double[] x = intersect(f, i, hi, j, hj);
                        if (x != null) out.add(x);
                    }
        int last = n - 1;
        for (double d : new double[] {1, 2, 3, 4, 6, 8})
            for (int h = 0; h < 2; h++)
                out.add(new double[] {f.ox[last] + d * dx(f, last, h), f.oy[last] + d * dy(f, last, h)});
        return out;
    }

    private static double dx(RayWindow.Flat f, int k, int h) { return h == 0 ? f.fc[k] : f.bc[k]; }

    private static double dy(RayWindow.Flat f, int k, int h) { return h == 0 ? f.fs[k] : f.bs[k]; }

    /** Intersection in front of both rays, within 15 m, of rays that are not nearly parallel. */
    private static double[] intersect(RayWindow.Flat f, int a, int ha, int b, int hb) {
        double ax = dx(f, a, ha), ay = dy(f, a, ha), bx = dx(f, b, hb), by = dy(f, b, hb);
        double den = ax * by - ay * bx;
        if (Math.abs(den) < Math.sin(Math.toRadians(3))) return null;
        double ddx = f.ox[b] - f.ox[a], ddy = f.oy[b] - f.oy[a];
        double t = (ddx * by - ddy * bx) / den, u = (ddx * ay - ddy * ax) / den;
        if (t < 0.2 || u < 0.2 || t > 15 || u > 15) return null;
        return new double[] {f.ox[a] + t * ax, f.oy[a] + t * ay};
    }

    /** Gauss-Newton on the angle errors of the inlier rays (nearer hypothesis each), at most {@code iterations}. */
    static double[] refine(RayWindow.Flat f, double x, double y, int iterations) {
        for (int it = 0; it < iterations; it++) {
            double a11 = 0, a12 = 0, a22 = 0, b1 = 0, b2 = 0;
            for (int k = 0; k < f.n; k++) {
                double vx = x - f.ox[k], vy = y - f.oy[k];
                double df = f.fc[k] * vx + f.fs[k] * vy, db = f.bc[k] * vx + f.bs[k] * vy;
                double cross, dot;
                if (df >= db) { dot = df; cross = f.fc[k] * vy - f.fs[k] * vx; }
                else { dot = db; cross = f.bc[k] * vy - f.bs[k] * vx; }
                if (dot <= 0) continue;
                double r2 = Math.max(vx * vx + vy * vy, 0.01);
                double s2 = cross * cross / r2;
                if (s2 > SIN_CAP2) continue;
                // Angle error ~ its sine, cross / r (within 0.5% inside the cap); gradient (-vy, vx) / r^2.
                double e = cross / Math.sqrt(r2);
                double jx = -vy / r2, jy = vx / r2, w = f.w[k];
                a11 += w * jx * jx; a12 += w * jx * jy; a22 += w * jy * jy;
                b1 -= w * jx * e; b2 -= w * jy * e;
            }
            double det = a11 * a22 - a12 * a12;
            if (!(Math.abs(det) > 1e-12)) break;
            double sx = (a22 * b1 - a12 * b2) / det, sy = (a11 * b2 - a12 * b1) / det;
            double len = Math.hypot(sx, sy);
            if (len > 2) { sx *= 2 / len; sy *= 2 / len; }
            x += sx; y += sy;
            if (len < 1e-4) break;
        }
        return new double[] {x, y};
    }

    /** 1-sigma position uncertainty: sqrt of the larger eigenvalue of sigma^2 (J^T W J)^-1, inlier rays only. */
    static double uncertainty(RayWindow.Flat f, double x, double y, double sigma, int minRays) {
        double a11 = 0, a12 = 0, a22 = 0;
        int n = 0;
        for (int k = 0; k < f.n; k++) {
            if (err2(f, k, x, y) < 0) continue;
            double vx = x - f.ox[k], vy = y - f.oy[k], r2 = Math.max(vx * vx + vy * vy, 0.01);
            double jx = -vy / r2, jy = vx / r2, w = f.w[k];
            a11 += w * jx * jx; a12 += w * jx * jy; a22 += w * jy * jy;
            n++;
        }
        if (n < minRays) return Double.POSITIVE_INFINITY;
        // Consecutive chunks' errors are correlated (same geometry, same noise floor): count the
        // rays as if there were ~n/5 independent ones, so the figure is not overconfident.
        double scale = Math.max(1, n / 5.0) / n;
        a11 *= scale; a12 *= scale; a22 *= scale;
        double tr = a11 + a22, det = a11 * a22 - a12 * a12;
        if (!(det > 1e-12)) return Double.POSITIVE_INFINITY;
        double minEig = tr / 2 - Math.sqrt(Math.max(0, tr * tr / 4 - det));
        return minEig > 0 ? sigma / Math.sqrt(minEig) : Double.POSITIVE_INFINITY;
    }
}
