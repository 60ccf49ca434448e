package dev.umwelt.worldmodel.objects;

import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.scenarios.world.Shape;

/**
 * Round shapes from the image: the object's height in pixels per column, across its width.
 * A cylinder is as tall at its sides as in its middle, a sphere's height falls as
 * sqrt(1 - x^2), a cone's as 1 - |x|. The ratio of the mean height at |x| in [0.5, 0.85] to the
 * mean height at |x| < 0.25 is ~1, ~0.7 and ~0.35; between those bands, or when the object is
 * cut by the image border or too few columns wide, the answer is null.
 */
final class Silhouette {
    private Silhouette() {}
    static final double FLAT = 0.87;

    static Shape roundShape(byte[] labels, CameraFrame frame, int colA, int colB, int[] beamRows, int label,
                            boolean achromatic) {
        int w = frame.width(), h = frame.height();
        int lo = Math.max(0, colA - 4), hi = Math.min(w - 1, colB + 4);
        int centreCol = (colA + colB) / 2;
        int seedRow = beamRows[beamRows.length / 2];
        double seedValue = value(frame, centreCol, seedRow);
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
        }
        // The contiguous run of columns holding the centre column.
        int c = centreCol - lo;
        if (height[c] == 0) return null;
        int a = c, b = c;
        while (a - 1 >= 0 && height[a - 1] > 0) a--;
        while (b + 1 < height.length && height[b + 1] > 0) b++;
        if (a == 0 && lo == 0 || b == height.length - 1 && hi == w - 1) return null;
        int cols = b - a + 1;
        if (cols < 6) return null;
        double mid = (a + b) / 2.0, half = cols / 2.0;
        double side = 0, centre = 0;
        int ns = 0, nc = 0;
        for (int i = a; i <= b; i++) {
            double x = Math.abs(i - mid) / half;
            if (x < 0.25) { centre += height[i]; nc++; }
            else if (x >= 0.5 && x <= 0.85) { side += height[i]; ns++; }
        }
        if (nc == 0 || ns == 0) return null;
        double ratio = (side / ns) / (centre / nc);
        // Measured over 8 generated scenarios (ObjectMemorySimTest views, 1.2-3 m): boxes and
        // cylinders 0.88-1.04, spheres 0.63-0.89 (most below 0.85), cones 0.41-0.56.
        if (ratio >= FLAT) return Shape.CYLINDER;
        if (ratio >= 0.6 && ratio <= 0.845) return Shape.SPHERE;
        if (ratio <= 0.585) return Shape.CONE;
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
