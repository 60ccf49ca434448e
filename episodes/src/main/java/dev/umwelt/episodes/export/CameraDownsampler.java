package dev.umwelt.episodes.export;

import dev.umwelt.bus.sensing.CameraFrame;

/**
 * An RGB8 frame averaged down (or sampled up) to the dataset's size: each output pixel is the mean
 * of the source pixels whose centres fall in its footprint (box filter; at least one pixel), so a
 * 128x96 frame becomes 64x48 by exact 2x2 means. Rounded to nearest, top row first like the source.
 */
final class CameraDownsampler {
    private final int width, height;
    private final int[] sum;

    CameraDownsampler(int width, int height) {
        this.width = width;
        this.height = height;
        this.sum = new int[3];
    }

    void into(CameraFrame f, byte[] out) {
        int sw = f.width(), sh = f.height();
        byte[] src = f.rgb();
        for (int v = 0; v < height; v++) {
            int y0 = (int) ((long) v * sh / height), y1 = Math.max(y0 + 1, (int) ((long) (v + 1) * sh / height));
            for (int u = 0; u < width; u++) {
                int x0 = (int) ((long) u * sw / width), x1 = Math.max(x0 + 1, (int) ((long) (u + 1) * sw / width));
                sum[0] = sum[1] = sum[2] = 0;
                for (int y = y0; y < y1; y++) {
                    int row = 3 * y * sw;
                    for (int x = x0; x < x1; x++) {
                        int i = row + 3 * x;
                        sum[0] += src[i] & 0xff;
                        sum[1] += src[i + 1] & 0xff;
                        sum[2] += src[i + 2] & 0xff;
                    }
                }
                int n = (y1 - y0) * (x1 - x0), o = 3 * (v * width + u);
                for (int c = 0; c < 3; c++) out[o + c] = (byte) ((sum[c] + n / 2) / n);
            }
        }
    }
}
