package dev.umwelt.sim.render;

/**
 * Ranges that {@link RenderStyle#randomized} draws from; each draw is uniform in its range.
 * Object colours are never jittered: tasks name them ("the red box").
 *
 * @param minLightElevation    light elevation above the horizon, radians (default 25 deg)
 * @param maxLightElevation    (default 80 deg); azimuth is uniform over the full circle
 * @param minAmbient           ambient term (default 0.55)
 * @param maxAmbient           (default 0.85)
 * @param minDiffuse           directional-light intensity (default 0.15)
 * @param maxDiffuse           (default 0.55)
 * @param wallColourJitter     max offset per channel of the wall colour, 0..1 (default 0.12)
 * @param floorColourJitter    max offset per channel of the floor colour, 0..1 (default 0.12)
 * @param skyColourJitter      max offset per channel of the sky (clear) colour (default 0.1)
 * @param maxTextureNoise      amplitude of the per-fragment world-space noise texture,
 *                             a relative brightness change (default 0.2)
 * @param maxPixelNoiseStd     per-pixel Gaussian camera noise, std in 8-bit levels (default 6)
 * @param blurProbability      chance that a style blurs (3x3 Gaussian) its frames (default 0.3)
 */
public record DomainRandomization(double minLightElevation, double maxLightElevation,
                                  double minAmbient, double maxAmbient, double minDiffuse, double maxDiffuse,
                                  double wallColourJitter, double floorColourJitter, double skyColourJitter,
                                  double maxTextureNoise, double maxPixelNoiseStd, double blurProbability) {
    public DomainRandomization {
        if (minLightElevation > maxLightElevation || minAmbient > maxAmbient || minDiffuse > maxDiffuse) {
            throw new IllegalArgumentException("range with min > max: " + this);
        }
        if (blurProbability < 0 || blurProbability > 1) throw new IllegalArgumentException("blurProbability " + blurProbability);
    }

    public static DomainRandomization defaults() {
        return new DomainRandomization(Math.toRadians(25), Math.toRadians(80), 0.55, 0.85, 0.15, 0.55,
                0.12, 0.12, 0.1, 0.2, 6, 0.3);
    }
}
