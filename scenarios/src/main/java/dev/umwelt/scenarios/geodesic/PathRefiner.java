package dev.umwelt.scenarios.geodesic;

import dev.umwelt.bus.Vec2;

import java.util.ArrayList;
import java.util.List;

/**
 * Tightens a grid any-angle path towards the continuous geodesic. Theta* vertices are cell
 * centres and its line of sight treats whole cells as blocked, so paths wrap corners up to half
 * a cell wide (about 1% too long around a sharp bend). Here each interior vertex slides towards
 * the straight line between its neighbours as far as the segments keep the clearance (checked
 * on the interpolated clearance field, within a tenth of a cell); then midpoints are inserted so
 * the polyline can follow the rounded, inflated corner, and the slide repeats. Length only
 * decreases; endpoints and vertices outside [lo, hi] never move.
 */
final class PathRefiner {
    private static final int ROUNDS = 3, PASSES = 4, BISECTIONS = 12;

    private PathRefiner() {}

    static List<Vec2> refine(List<Vec2> path, int lo, int hi, Geodesics geo) {
        if (hi - lo < 2) return path;
        double tol = 0.1 * geo.grid().resolution();
        List<double[]> p = new ArrayList<>();
        for (Vec2 v : path) p.add(new double[] {v.x(), v.y()});
        for (int round = 0; round < ROUNDS; round++) {
            if (round > 0) hi = subdivide(p, lo, hi);
            for (int pass = 0; pass < PASSES; pass++) {
                for (int i = lo + 1; i < hi; i++) slide(p, i, geo, tol);
            }
            hi = dropStraight(p, lo, hi, geo, tol);
        }
        List<Vec2> out = new ArrayList<>(p.size());
        for (double[] v : p) out.add(new Vec2(v[0], v[1]));
        return out;
    }

    private static void slide(List<double[]> p, int i, Geodesics geo, double tol) {
        double[] a = p.get(i - 1), v = p.get(i), b = p.get(i + 1);
        double dx = b[0] - a[0], dy = b[1] - a[1], len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((v[0] - a[0]) * dx + (v[1] - a[1]) * dy) / len2));
        double mx = a[0] + t * dx, my = a[1] + t * dy;
        if (!valid(a, v[0], v[1], b, geo, tol)) return; // never trade a vertex for an unchecked one
        double good = 0, bad = 1;
        if (valid(a, mx, my, b, geo, tol)) {
            good = 1;
        } else {
            for (int k = 0; k < BISECTIONS; k++) {
                double mid = (good + bad) / 2;
                if (valid(a, v[0] + mid * (mx - v[0]), v[1] + mid * (my - v[1]), b, geo, tol)) good = mid; else bad = mid;
            }
        }
        v[0] += good * (mx - v[0]);
        v[1] += good * (my - v[1]);
    }

    private static boolean valid(double[] a, double x, double y, double[] b, Geodesics geo, double tol) {
        return geo.clearSegment(a[0], a[1], x, y, tol) && geo.clearSegment(x, y, b[0], b[1], tol);
    }

    private static int subdivide(List<double[]> p, int lo, int hi) {
        for (int i = hi; i > lo; i--) {
            double[] a = p.get(i - 1), b = p.get(i);
            p.add(i, new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2});
            hi++;
        }
        return hi;
    }

    /** Removes vertices whose neighbours see each other; returns the new hi. */
    private static int dropStraight(List<double[]> p, int lo, int hi, Geodesics geo, double tol) {
        int i = lo + 1;
        while (i < hi) {
            double[] a = p.get(i - 1), b = p.get(i + 1);
            if (geo.clearSegment(a[0], a[1], b[0], b[1], tol)) {
                p.remove(i);
                hi--;
            } else {
                i++;
            }
        }
        return hi;
    }
}
