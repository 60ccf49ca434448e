package dev.umwelt.sim.render;

import java.util.SplittableRandom;

/**
 * How a scene looks, fixed for an episode (pass it to {@link RenderService#upload}): lighting,
 * the colours of walls, floor and sky, texture noise, and the camera's noise and blur. A style
 * is plain data; the same style, poses and frame seed render the same bytes.
 *
 * @param seed         seeds the texture noise (shader) and, with the frame seed, the pixel noise
 * @param lightX       unit direction towards the directional light, world frame (z up)
 * @param ambient      ambient term; shade = colour * (ambient + diffuse * max(n.l, 0))
 * @param diffuse      directional-light intensity
 * @param wallRgb      0xRRGGBB of walls
 * @param floorRgb     0xRRGGBB of the floor
 * @param skyRgb       0xRRGGBB of the clear colour
 * @param textureNoise amplitude of the world-space noise texture (0: flat colours)
 * @param pixelNoiseStd per-pixel Gaussian camera noise, std in 8-bit levels (0: none)
 * @param blur         3x3 Gaussian blur of each frame before the pixel noise
 */
public record RenderStyle(long seed, double lightX, double lightY, double lightZ, double ambient, double diffuse,
                          int wallRgb, int floorRgb, int skyRgb, double textureNoise, double pixelNoiseStd,
                          boolean blur) {
    /** Neutral colours of the plain style. */
    public static final int WALL_RGB = 0xC8C3BA, FLOOR_RGB = 0x7A7F86, SKY_RGB = 0xA8C8E8;

    public RenderStyle {
        double len = Math.sqrt(lightX * lightX + lightY * lightY + lightZ * lightZ);
        if (!(len > 0)) throw new IllegalArgumentException("light direction must be non-zero");
        lightX /= len;
        lightY /= len;
        lightZ /= len;
        if (textureNoise < 0 || pixelNoiseStd < 0) throw new IllegalArgumentException("negative noise");
    }

    /**
     * No randomization: a high light from front-left, flat colours, no camera noise or blur.
     * The ambient term is high (0.75) so a named colour stays recognisable on every face: the
     * red of the palette (214, 40, 40) shades to r >= 160 even facing away from the light.
     */
    public static RenderStyle plain() {
        return new RenderStyle(0, 0.35, 0.25, 0.9, 0.75, 0.35, WALL_RGB, FLOOR_RGB, SKY_RGB, 0, 0, false);
    }

    /** A style drawn from {@code settings} with a SplittableRandom seeded by {@code seed}. */
    public static RenderStyle randomized(long seed, DomainRandomization settings) {
        SplittableRandom r = new SplittableRandom(seed);
        double azimuth = r.nextDouble(0, 2 * Math.PI);
        double elevation = uniform(r, settings.minLightElevation(), settings.maxLightElevation());
        double ambient = uniform(r, settings.minAmbient(), settings.maxAmbient());
        double diffuse = uniform(r, settings.minDiffuse(), settings.maxDiffuse());
        int wall = jitter(r, WALL_RGB, settings.wallColourJitter());
        int floor = jitter(r, FLOOR_RGB, settings.floorColourJitter());
        int sky = jitter(r, SKY_RGB, settings.skyColourJitter());
        double texture = uniform(r, 0, settings.maxTextureNoise());
        double noise = uniform(r, 0, settings.maxPixelNoiseStd());
        boolean blur = r.nextDouble() < settings.blurProbability();
        return new RenderStyle(seed, Math.cos(elevation) * Math.cos(azimuth), Math.cos(elevation) * Math.sin(azimuth),
                Math.sin(elevation), ambient, diffuse, wall, floor, sky, texture, noise, blur);
    }

    private static double uniform(SplittableRandom r, double lo, double hi) {
        return hi > lo ? r.nextDouble(lo, hi) : lo;
    }

    private static int jitter(SplittableRandom r, int rgb, double amount) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double c = ((rgb >> shift) & 255) / 255.0 + uniform(r, -amount, amount);
            out |= (int) Math.round(Math.max(0, Math.min(1, c)) * 255) << shift;
        }
        return out;
    }

    /** True when frames need CPU post-processing after read-back. */
    boolean hasCameraEffects() {
        return blur || pixelNoiseStd > 0;
    }
}
