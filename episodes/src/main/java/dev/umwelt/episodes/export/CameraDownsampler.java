package dev.umwelt.episodes.export;

import dev.umwelt.bus.sensing.CameraFrame;

/**
 * An RGB8 frame averaged down (or sampled up) to the dataset's size: each output pixel is the mean
 * of the source pixels whose centres fall in its footprint (box filter; at least one pixel), so a
 * 128x96 frame becomes 64x48 by exact 2x2 means. Rounded to nearest, top row first like the source.
 * The footprints are computed once per source size: the per-pixel work is the sums alone.
 */
final class CameraDownsampler {
    private final int width, height;
    private int sourceWidth = -1, sourceHeight = -1;
    private int[] x0, x1, y0, y1;

    CameraDownsampler(int width, int height) {
        this.width = width;
        this.height = height;
    }

    void into(CameraFrame f, byte[] out) {
        int sw = f.width(), sh = f.height();
        if (sw != sourceWidth || sh != sourceHeight) footprints(sw, sh);
        byte[] src = f.rgb();
        if (sw == 2 * width && sh == 2 * height) {
            halve(src, sw, out);
            return;
        }
        for (int v = 0; v < height; v++) {
            int ya = y0[v], yb = y1[v];
            for (int u = 0; u < width; u++) {
                int xa = x0[u], xb = x1[u];
                int r = 0, g = 0, b = 0;
                for (int y = ya; y < yb; y++) {
                    for (int i = 3 * (y * sw + xa), end = 3 * (y * sw + xb); i < end; i += 3) {
                        r += src[i] & 0xff;
                        g += src[i + 1] & 0xff;
                        b += src[i + 2] & 0xff;
                    }
                }
                int n = (yb - ya) * (xb - xa), half = n / 2, o = 3 * (v * width + u);
                out[o] = (byte) ((r + half) / n);
                out[o + 1] = (byte) ((g + half) / n);
                out[o + 2] = (byte) ((b + half) / n);
            }
        }
    }

    /** The common case (the catalog turtle's 128x96 to 64x48): exact 2x2 means, two source rows at a time. */
    private void halve(byte[] src, int sw, byte[] out) {
        int row = 3 * sw, o = 0;
        for (int v = 0; v < height; v++) {
            int top = 2 * v * row, bottom = top + row;
            for (int u = 0; u < width; u++, top += 6, bottom += 6) {
                for (int c = 0; c < 3; c++) {
                    int sum = (src[top + c] & 0xff) + (src[top + 3 + c] & 0xff) + (src[bottom + c] & 0xff) + (src[bottom + 3 + c] & 0xff);
                    out[o++] = (byte) ((sum + 2) >> 2);
                }
            }
        }
    }

    private void footprints(int sw, int sh) {
        sourceWidth = sw;
        sourceHeight = sh;
        x0 = new int[width];
        x1 = new int[width];
        y0 = new int[height];
        y1 = new int[height];
        for (int u = 0; u < width; u++) {
            x0[u] = (int) ((long) u * sw / width);
            x1[u] = Math.max(x0[u] + 1, (int) ((long) (u + 1) * sw / width));
        }
        for (int v = 0; v < height; v++) {
            y0[v] = (int) ((long) v * sh / height);
            y1[v] = Math.max(y0[v] + 1, (int) ((long) (v + 1) * sh / height));
        }
    }
}
