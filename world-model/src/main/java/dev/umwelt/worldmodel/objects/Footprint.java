package dev.umwelt.worldmodel.objects;

import dev.umwelt.bus.appearance.Shape;

/**
 * What an object's lidar footprint says about its shape: straight edges (one face, or two
 * meeting at a corner) are a BOX; an arc is round (reported as CYLINDER: the lidar cannot tell a
 * cylinder from a sphere or a cone, all discs in the plane); null when neither model fits
 * clearly better than the other after removing the lidar's own noise.
 */
record Footprint(Shape kind, double cx, double cy, double radius) {

    static Footprint fit(double[] xs, double[] ys, double noise) {
        int n = xs.length;
        double[] circle = circle(xs, ys);
        if (n < 5) return new Footprint(null, 0, 0, 0);
        double poly = polyRms(xs, ys);
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += xs[i]; my += ys[i]; }
        mx /= n; my /= n;
        boolean circleValid = circle != null && circle[2] >= 0.07 && circle[2] <= 0.7
                && Math.hypot(circle[0], circle[1]) > Math.hypot(mx, my); // centre behind the surface
        double n2 = noise * noise;
        double polyExcess = Math.max(0, poly * poly - n2);
        double circleExcess = circleValid ? Math.max(0, circle[3] * circle[3] - n2) : Double.MAX_VALUE;
        double floor = 0.4 * n2; // below this both fits are "as good as the noise"
        if (circleValid && circleExcess < 0.35 * polyExcess && polyExcess > floor) {
            return new Footprint(Shape.CYLINDER, circle[0], circle[1], circle[2]);
        }
        if (polyExcess < 0.35 * circleExcess && circleExcess > floor) return new Footprint(Shape.BOX, 0, 0, 0);
        if (!circleValid && polyExcess < n2) return new Footprint(Shape.BOX, 0, 0, 0); // flat face, no plausible arc
        return new Footprint(null, circleValid ? circle[0] : 0, circleValid ? circle[1] : 0, 0);
    }

    /** RMS distance to the principal line of points [from, to). */
    static double lineRms(double[] xs, double[] ys, int from, int to) {
        int n = to - from;
        if (n < 2) return 0;
        double mx = 0, my = 0;
        for (int i = from; i < to; i++) { mx += xs[i]; my += ys[i]; }
        mx /= n; my /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = from; i < to; i++) {
            double dx = xs[i] - mx, dy = ys[i] - my;
            sxx += dx * dx; sxy += dx * dy; syy += dy * dy;
        }
        double tr = sxx + syy, det = sxx * syy - sxy * sxy;
        double minEig = tr / 2 - Math.sqrt(Math.max(0, tr * tr / 4 - det));
        return Math.sqrt(Math.max(0, minEig) / n);
    }

    /** Best of one line or two lines split at any interior point (a box corner). */
    static double polyRms(double[] xs, double[] ys) {
        int n = xs.length;
        double one = lineRms(xs, ys, 0, n), best = one;
        for (int k = 2; k <= n - 2; k++) {
            double a = lineRms(xs, ys, 0, k + 1), b = lineRms(xs, ys, k, n);
            // Weighted by points so the split does not favour tiny pieces.
            double rms = Math.sqrt((a * a * (k + 1) + b * b * (n - k)) / (n + 1));
            best = Math.min(best, rms);
        }
        return best;
    }

    /** Algebraic (Kasa) circle fit: {cx, cy, r, rms}, or null when degenerate. */
    static double[] circle(double[] xs, double[] ys) {
        int n = xs.length;
        if (n < 3) return null;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += xs[i]; my += ys[i]; }
        mx /= n; my /= n;
        double suu = 0, svv = 0, suv = 0, suuu = 0, svvv = 0, suvv = 0, svuu = 0;
        for (int i = 0; i < n; i++) {
            double u = xs[i] - mx, v = ys[i] - my;
            suu += u * u; svv += v * v; suv += u * v;
            suuu += u * u * u; svvv += v * v * v; suvv += u * v * v; svuu += v * u * u;
        }
        double det = suu * svv - suv * suv;
        if (Math.abs(det) < 1e-12) return null;
        double b1 = 0.5 * (suuu + suvv), b2 = 0.5 * (svvv + svuu);
        double uc = (b1 * svv - b2 * suv) / det, vc = (suu * b2 - suv * b1) / det;
        double r = Math.sqrt(uc * uc + vc * vc + (suu + svv) / n);
        double cx = uc + mx, cy = vc + my, ss = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.hypot(xs[i] - cx, ys[i] - cy) - r;
            ss += e * e;
        }
        return new double[] {cx, cy, r, Math.sqrt(ss / n)};
    }
}
