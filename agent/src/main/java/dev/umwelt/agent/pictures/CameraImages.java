package dev.umwelt.agent.pictures;

import dev.umwelt.bus.sensing.CameraFrame;

import java.awt.image.BufferedImage;

/** Camera frames (RGB8, top row first) as images, enlarged by pixel replication so small frames stay legible. */
public final class CameraImages {
    /** Frames are enlarged until about this wide, by a whole factor of 1 to 4. */
    static final int TARGET_WIDTH = 512;

    private CameraImages() {}

    /** The factor a frame of this width is enlarged by: 4 for 128 px, 2 for 256 px, 1 from 640 px. */
    public static int upscaleFactor(int frameWidth) {
        return Math.max(1, Math.min(4, (int) Math.round(TARGET_WIDTH / (double) frameWidth)));
    }

    /** The frame at {@code factor} x its size, nearest neighbour: every camera pixel becomes a factor x factor block. */
    public static BufferedImage toImage(CameraFrame f, int factor) {
        if (factor < 1) throw new IllegalArgumentException("factor must be >= 1: " + factor);
        int w = f.width() * factor, h = f.height() * factor;
        BufferedImage img = Style.newImage(w, h);
        int[] row = new int[w];
        byte[] rgb = f.rgb();
        for (int v = 0; v < f.height(); v++) {
            int i = 3 * v * f.width();
            for (int u = 0; u < f.width(); u++, i += 3) {
                int p = (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff);
                for (int k = 0; k < factor; k++) row[u * factor + k] = p;
            }
            for (int k = 0; k < factor; k++) img.setRGB(0, v * factor + k, w, 1, row, 0, w);
        }
        return img;
    }
}
