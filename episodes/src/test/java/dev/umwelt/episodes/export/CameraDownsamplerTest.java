package dev.umwelt.episodes.export;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.sensing.CameraFrame;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The camera's box filter: exact means of the source pixels under each output pixel. */
class CameraDownsamplerTest {
    private static CameraFrame frame(int w, int h) {
        byte[] px = new byte[3 * w * h];
        for (int i = 0; i < px.length; i++) px[i] = (byte) (i * 37 % 256);
        return new CameraFrame(new Header(1, "camera"), w, h, px);
    }

    /** The general footprint rule, written out per pixel as the reference. */
    private static int mean(CameraFrame f, int w, int h, int u, int v, int c) {
        int x0 = u * f.width() / w, x1 = Math.max(x0 + 1, (u + 1) * f.width() / w);
        int y0 = v * f.height() / h, y1 = Math.max(y0 + 1, (v + 1) * f.height() / h);
        int sum = 0, n = 0;
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++, n++) sum += f.rgb()[3 * (y * f.width() + x) + c] & 0xff;
        return (sum + n / 2) / n;
    }

    @Test
    void halvingAndOddRatiosAndUpsamplingAllAverageTheirFootprints() {
        int[][] cases = {{128, 96, 64, 48}, {7, 5, 3, 2}, {128, 96, 50, 30}, {3, 2, 6, 4}};
        for (int[] c : cases) {
            CameraFrame f = frame(c[0], c[1]);
            CameraDownsampler d = new CameraDownsampler(c[2], c[3]);
            byte[] out = new byte[3 * c[2] * c[3]];
            d.into(f, out);
            for (int v = 0; v < c[3]; v++) {
                for (int u = 0; u < c[2]; u++) {
                    for (int ch = 0; ch < 3; ch++) {
                        assertEquals(mean(f, c[2], c[3], u, v, ch), out[3 * (v * c[2] + u) + ch] & 0xff,
                                c[0] + "x" + c[1] + " -> " + c[2] + "x" + c[3] + " at " + u + "," + v);
                    }
                }
            }
        }
    }
}
