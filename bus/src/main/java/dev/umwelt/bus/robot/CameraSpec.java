package dev.umwelt.bus.robot;

/**
 * A forward camera at ({@code x}, {@code y}, {@code z}) in base_link, pitched by {@code pitch}
 * radians (positive looks down), delivering {@code width} x {@code height} RGB8 frames at
 * {@code rateHz} with horizontal field of view {@code horizontalFov} radians.
 */
public record CameraSpec(double x, double y, double z, double pitch, double rateHz, int width, int height,
                         double horizontalFov) {}
