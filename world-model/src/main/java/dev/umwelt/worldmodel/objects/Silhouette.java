package dev.umwelt.worldmodel.objects;

import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.appearance.Shape;

import java.util.Arrays;

/**
 * Round shapes from the image: the object's outline (top and bottom row per column) fitted
 * against a ball's circle, a cone's apex and a cylinder's flat top (see {@link #roundShape}).
 * Null when the outline is cut by the image border, too few columns wide, or fits no model well.
 */
final class Silhouette {
    private Silhouette() {}
    
    /**
     * The object's outline per image column: {@code top[i]} and {@code bottom[i]} rows (inclusive)
     * of column {@code a + i}, for the contiguous run of columns holding the segment's centre.
     */
    record Profile(int a, int[] top, int[] bottom) {
        int cols() { return top.length; }
        int height(int i) { return bottom[i] - top[i] + 1; }

        /** Mean of f over the columns whose |x| (0 at the centre, 1 at the outer edges) lies in [x0, x1]. */
        double mean(java.util.function.IntToDoubleFunction f, double x0, double x1) {
            double mid = (cols() - 1) / 2.0, half = cols() / 2.0, sum = 0;
            int n = 0;
            for (int i = 0; i < cols(); i++) {
                double x = Math.abs(i - mid) / half;
                if (x >= x0 && x <= x1) { sum += f.applyAsDouble(i); n++; }
            }
            return n == 0 ? Double.NaN : sum / n;
        }

        /** Side/centre height ratio: ~1 flat top (cylinder), ~0.7 dome (sphere), ~0.35 peak (cone). */
        double ratio() {
            return mean(this::height, 0.5, 0.85) / mean(this::height, 0, 0.25);
        }

        /** How far the top falls from the centre to |x| in [x0, x1], as a fraction of the centre height. */
        double topDrop(double x0, double x1) {
            return (mean(i -> top[i], x0, x1) - mean(i -> top[i], 0, 0.25)) / mean(this::height, 0, 0.25);
        }

        /** How far the bottom rises from the centre to |x| in [x0, x1], as a fraction of the centre height. */
        double bottomRise(double x0, double x1) {
            return (mean(i -> bottom[i], 0, 0.25) - mean(i -> bottom[i], x0, x1)) / mean(this::height, 0, 0.25);
        }
    }

    /** The outline, or null when it is cut by the image border or too few columns wide to read. */
    static Profile profile(byte[] labels, CameraFrame frame, int colA, int colB, int[] beamRows, int label,
                           boolean achromatic) {
        int w = frame.width(), h = frame.height();
        int lo = Math.max(0, colA - 4), hi = Math.min(w - 1, colB + 4);
        int centreCol = (colA + colB) / 2;
        int seedRow = beamRows[beamRows.length / 2];
        double seedValue = value(frame, centreCol, seedRow);
        int[] tops = new int[hi - lo + 1], bottoms = new int[hi - lo + 1];
        int[] height = new int[hi - lo + 1];
        for (int u = lo; u <= hi; u++) {
            double f = colB == colA ? 0 : (double) (Math.max(colA, Math.min(colB, u)) - colA) / (colB - colA);
            int seed = beamRows[(int) Math.round(f * (beamRows.length - 1))];
            int s = -1;
            for (int d = 0; d <= 2 && s < 0; d++) {
                if (seed - d >= 0 && same(labels, frame, u, seed - d, label, achromatic, seedValue)) s = seed - d;
                else if (seed + d < h && same(labels, frame, u, seed + d, label, achromatic, seedValue)) s = seed + d;
            }
            if (s < 0) continue;
            int top = s, bottom = s;
            while (top - 1 >= 0 && (same(labels, frame, u, top - 1, label, achromatic, seedValue)
                    || top - 2 >= 0 && same(labels, frame, u, top - 2, label, achromatic, seedValue))) top--;
            while (bottom + 1 < h && (same(labels, frame, u, bottom + 1, label, achromatic, seedValue)
                    || bottom + 2 < h && same(labels, frame, u, bottom + 2, label, achromatic, seedValue))) bottom++;
            if (top == 0) return null; // cut by the top border: the profile is not the object's
            height[u - lo] = bottom - top + 1;
            tops[u - lo] = top;
            bottoms[u - lo] = bottom;
        }
        // The contiguous run of columns holding the centre column, up to where the outline jumps:
        // another object of the same colour beside or behind this one (a ball before a box of
        // its colour read as one flat-topped, rising-edged blob: a cylinder).
        int c = centreCol - lo;
        if (height[c] == 0) return null;
        int jump = Math.max(2, height[c] / 2);
        int a = c, b = c;
        while (a - 1 >= 0 && height[a - 1] > 0 && !jumps(tops, bottoms, a - 1, a, jump)) a--;
        while (b + 1 < height.length && height[b + 1] > 0 && !jumps(tops, bottoms, b, b + 1, jump)) b++;
        // Cut where a nearer object (its base lower in the image) stands in front: part of this one is hidden.
        if (a - 1 >= 0 && height[a - 1] > 0 && bottoms[a - 1] > bottoms[a] + 1
                || b + 1 < height.length && height[b + 1] > 0 && bottoms[b + 1] > bottoms[b] + 1) return null;
        if (a == 0 && lo == 0 || b == height.length - 1 && hi == w - 1) return null;
        if (b - a + 1 < 6) return null;
        return new Profile(lo + a, Arrays.copyOfRange(tops, a, b + 1), Arrays.copyOfRange(bottoms, a, b + 1));
    }

    private static boolean jumps(int[] tops, int[] bottoms, int i, int j, int jump) {
        return Math.abs(tops[i] - tops[j]) > jump || Math.abs(bottoms[i] - bottoms[j]) > jump;
    }

    /**
     * The outline fitted against the three round models. The top's fall from the centre, in units
     * of the half-width, is fitted over |x| <= 0.85 as {@code e (1 - sqrt(1 - x^2))} (a circle: a
     * ball's dome has e ~ 1, a cylinder's flat top or top ellipse e ~ 0) and as {@code k |x|} (a
     * cone's apex: k = 2 height / width, 1..6); the bottom's rise likewise ({@code eb}: a ball's
     * underside rises like its top, a base ellipse seen from 0.3 m barely). A ball's image is as
     * tall as wide ({@code hw} = height / half-width ~ 2). Bottoms on the image's last rows are the
     * floor merged in (grey objects on a grey floor) and do not count.
     */
    record Fit(double e, double k, double rmsCircle, double rmsLine, double eBottom, double heightPerHalfWidth,
               boolean floorMerged, int cols) {}

    static Fit fit(Profile p, int imageHeight) {
        int n = p.cols();
        double mid = (n - 1) / 2.0, half = n / 2.0;
        int topC = Integer.MAX_VALUE, botC = Integer.MIN_VALUE, onFloor = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(i - mid) / half < 0.3) { topC = Math.min(topC, p.top()[i]); botC = Math.max(botC, p.bottom()[i]); }
            if (p.bottom()[i] >= imageHeight - 2) onFloor++;
        }
        double[] top = fitRows(p.top(), topC, 1, mid, half), bottom = fitRows(p.bottom(), botC, -1, mid, half);
        return new Fit(top[0], top[1], top[2], top[3], bottom[0], (botC - topC + 1) / half, onFloor > n / 2, n);
    }

    /** {e, k, rms of the circle fit, rms of the line fit} of the rows' offset from {@code ref}. */
    private static double[] fitRows(int[] rows, int ref, int sign, double mid, double half) {
        double dc = 0, cc = 0, dl = 0, ll = 0;
        int m = 0;
        for (int i = 0; i < rows.length; i++) {
            double x = Math.abs(i - mid) / half;
            if (x > 0.85) continue;
            double d = sign * (rows[i] - ref) / half, c = 1 - Math.sqrt(1 - x * x);
            dc += d * c; cc += c * c; dl += d * x; ll += x * x;
            m++;
        }
        double e = dc / Math.max(1e-9, cc), k = dl / Math.max(1e-9, ll), rc = 0, rl = 0;
        for (int i = 0; i < rows.length; i++) {
            double x = Math.abs(i - mid) / half;
            if (x > 0.85) continue;
            double d = sign * (rows[i] - ref) / half, c = 1 - Math.sqrt(1 - x * x);
            rc += (d - e * c) * (d - e * c);
            rl += (d - k * x) * (d - k * x);
        }
        return new double[] {e, k, Math.sqrt(rc / Math.max(1, m)), Math.sqrt(rl / Math.max(1, m))};
    }

    /**
     * CONE, SPHERE, CYLINDER or null (unsure: an unknown shape keeps the object a candidate, a
     * wrong one makes the explorer pass it by). Bands from the calibration views (ShapeCalibration:
     * 40 train scenarios, 659 sightings at 0.8-5.5 m; 5-95% ranges): cones k 1.5-4.2 with the line
     * fitting better than the circle; balls e 0.73-1.37, k 0.25-0.5, hw 1.56-2.22, eb 0.37-1.37;
     * cylinders e < 0.53, k < 0.21. Fewer than 8 columns name a ball only when top and bottom agree.
     */
    static Shape roundShape(Fit f) {
        if (f == null) return null;
        if (f.k() >= 1.0 && f.rmsLine() < 0.9 * f.rmsCircle()) return Shape.CONE;
        double hw = f.heightPerHalfWidth();
        if (f.e() >= 0.45 && f.e() <= 1.6 && f.k() >= 0.15 && f.k() < 0.8 && hw >= 1.5 && hw <= 2.35
                && (f.floorMerged() || f.eBottom() >= 0.45)
                && (f.cols() >= 8 || f.rmsCircle() < 0.1 && f.eBottom() >= 0.6 && f.e() >= 0.6)) return Shape.SPHERE;
        // A cylinder's flat top; not with a ball's round underside and proportions (a far ball's
        // dome is a pixel or two, which quantization can flatten), nor a top that rises to the
        // sides (no solid's: a lit band of a grey ball on a grey floor; calibration boxes >= -0.22
        // but for 1%).
        if (f.cols() >= 8 && f.e() >= -0.3 && f.e() <= 0.35 && f.k() <= 0.2 && f.eBottom() <= 0.6 && !(f.eBottom() >= 0.5 && hw <= 2.6))
            return Shape.CYLINDER;
        return null;
    }

    private static boolean same(byte[] labels, CameraFrame frame, int u, int v, int label, boolean achromatic, double seedValue) {
        if (labels[v * frame.width() + u] != label) return false;
        return !achromatic || Math.abs(value(frame, u, v) - seedValue) < 0.18 * seedValue + 6;
    }

    private static double value(CameraFrame frame, int u, int v) {
        int c = frame.rgbAt(u, v);
        return Math.max(c >> 16 & 255, Math.max(c >> 8 & 255, c & 255));
    }
}
