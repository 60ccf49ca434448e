package dev.umwelt.worldmodel.objects;

import dev.umwelt.bus.appearance.Colour;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Labels pixels with palette colours, invariant to lighting. The renderer shades an object as
 * {@code colour * light} (ambient + diffuse, light 0.55..1.4 under domain randomization, texture
 * noise also a brightness factor), so a pixel is a scaled palette colour: the label is the
 * palette colour whose best scaled copy is nearest, relative to the pixel's brightness.
 * Achromatic colours (white, grey, black) share one direction, so brightness alone separates
 * them; walls and floor are achromatic-ish too, which is why the detector accepts achromatic
 * objects only where the lidar shows a compact non-wall footprint.
 */
final class PixelPalette {
    static final int NONE = -1;
    final String[] names;
    private final double[][] rgb;
    private final boolean[] achromatic;
    final int white, grey, black;

    PixelPalette() {
        List<String> n = new ArrayList<>();
        List<double[]> c = new ArrayList<>();
        for (Map.Entry<String, Integer> e : Colour.PALETTE.entrySet()) {
            n.add(e.getKey());
            int v = e.getValue();
            c.add(new double[] {v >> 16 & 255, v >> 8 & 255, v & 255});
        }
        names = n.toArray(new String[0]);
        rgb = c.toArray(new double[0][]);
        achromatic = new boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            double[] p = rgb[i];
            achromatic[i] = Math.max(p[0], Math.max(p[1], p[2])) - Math.min(p[0], Math.min(p[1], p[2])) < 16;
        }
        white = n.indexOf("white");
        grey = n.indexOf("grey");
        black = n.indexOf("black");
    }

    boolean isAchromatic(int label) {
        return label >= 0 && achromatic[label];
    }

    /**
     * The chromatic palette label of a pixel, {@link #grey} for any achromatic pixel (brightness
     * decides white/grey/black later, per object), or NONE.
     */
    int label(int r, int g, int b) {
        int max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b));
        if (max < 28) return grey; // too dark for hue: black-ish
        double norm = Math.sqrt((double) r * r + (double) g * g + (double) b * b);
        if (max - min < 0.14 * max + 6) return grey;
        int best = NONE;
        double bestRes = 0.095 * norm + 4; // tolerance: relative, plus a little for camera noise
        for (int i = 0; i < rgb.length; i++) {
            if (achromatic[i]) continue;
            double[] c = rgb[i];
            double cc = c[0] * c[0] + c[1] * c[1] + c[2] * c[2];
            double k = (r * c[0] + g * c[1] + b * c[2]) / cc;
            if (k < 0.3 || k > 1.9) continue;
            // Saturated channels clip at 255: compare with the clipped prediction.
            double dr = r - Math.min(255, k * c[0]), dg = g - Math.min(255, k * c[1]), db = b - Math.min(255, k * c[2]);
            double res = Math.sqrt(dr * dr + dg * dg + db * db);
            if (res < bestRes) { bestRes = res; best = i; }
        }
        return best;
    }

    /**
     * White, grey or black from an achromatic object's median brightness, relative to the light
     * level estimated from the floor ({@code lightGain}, 1 for the plain style).
     */
    int achromaticByBrightness(double value, double lightGain) {
        double v = value / lightGain;
        if (v < 62) return black;
        return v > 182 ? white : grey;
    }
}
