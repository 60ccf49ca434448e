package dev.umwelt.bus.sensing;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Stamped;

import java.util.Arrays;
import java.util.Objects;

/**
 * An RGB8 image, top row first (the renderer flips OpenGL's bottom-up rows once), row stride
 * {@code 3 * width}. The pixel array is shared, never copied, on the local bus.
 */
public record CameraFrame(Header header, int width, int height, byte[] rgb) implements Stamped {
    public static final String ENCODING = "rgb8";

    public CameraFrame {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(rgb, "rgb");
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        if (rgb.length != 3 * width * height) {
            throw new IllegalArgumentException("rgb8 " + width + "x" + height + " needs " + 3 * width * height
                    + " bytes, got " + rgb.length);
        }
    }

    public int step() {
        return 3 * width;
    }

    /** Packed 0xRRGGBB of the pixel at column {@code u}, row {@code v} (row 0 is the top). */
    public int rgbAt(int u, int v) {
        int i = 3 * (v * width + u);
        return (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CameraFrame f && header.equals(f.header) && width == f.width && height == f.height
                && Arrays.equals(rgb, f.rgb);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, width, height, Arrays.hashCode(rgb));
    }

    @Override
    public String toString() {
        return "CameraFrame[" + header + ", " + width + "x" + height + " rgb8]";
    }
}
