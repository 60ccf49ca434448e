package dev.umwelt.worldmodel.sound;

/**
 * A triangulated sound source in {@code map}: position in metres, 1-sigma position uncertainty
 * in metres, received level in dB (full scale) of the latest chunk, when it was last heard, and
 * how many bearings the fit used.
 */
public record SoundSource(double x, double y, double uncertainty, double levelDb, long lastHeardNanos, int bearings) {}
