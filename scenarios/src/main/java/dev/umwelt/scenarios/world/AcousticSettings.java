package dev.umwelt.scenarios.world;

import java.util.List;

/**
 * How sound propagates and is sampled. {@code wallAttenuationDb}: loss per wall the direct path
 * crosses. Background noise: white Gaussian at {@code noiseLevelDb} dB SPL, unless {@code snrDb}
 * is finite, in which case the noise level is the loudest emitter's level at 1 m minus
 * {@code snrDb} (so the SNR at 1 m from that emitter, in the open, is {@code snrDb}).
 * {@code sampleRate} in Hz, {@code chunkSeconds} the length of one AudioChunk.
 */
public record AcousticSettings(double wallAttenuationDb, double noiseLevelDb, double snrDb, int sampleRate,
                               double chunkSeconds) {
    public static final double DEFAULT_WALL_ATTENUATION_DB = 15;
    public static final double DEFAULT_NOISE_LEVEL_DB = 30; // a quiet room
    public static final int DEFAULT_SAMPLE_RATE = 16_000;
    public static final double DEFAULT_CHUNK_SECONDS = 0.1;
    public static final AcousticSettings DEFAULT = new AcousticSettings(DEFAULT_WALL_ATTENUATION_DB,
            DEFAULT_NOISE_LEVEL_DB, Double.NaN, DEFAULT_SAMPLE_RATE, DEFAULT_CHUNK_SECONDS);

    public AcousticSettings {
        if (!(wallAttenuationDb >= 0)) throw new IllegalArgumentException("wallAttenuationDb must be >= 0");
        if (!Double.isFinite(noiseLevelDb)) throw new IllegalArgumentException("noiseLevelDb must be finite");
        if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be positive");
        if (!(chunkSeconds > 0) || Math.round(chunkSeconds * sampleRate) < 1) {
            throw new IllegalArgumentException("chunkSeconds must hold at least one sample");
        }
    }

    public AcousticSettings withSnrDb(double snr) {
        return new AcousticSettings(wallAttenuationDb, noiseLevelDb, snr, sampleRate, chunkSeconds);
    }

    /** Samples per chunk. */
    public int chunkFrames() {
        return (int) Math.round(chunkSeconds * sampleRate);
    }

    /** The background noise level in dB SPL for these emitters. */
    public double effectiveNoiseLevelDb(List<SoundEmitter> emitters) {
        if (!Double.isFinite(snrDb) || emitters.isEmpty()) return noiseLevelDb;
        double loudest = Double.NEGATIVE_INFINITY;
        for (SoundEmitter e : emitters) loudest = Math.max(loudest, e.levelDb());
        return loudest - snrDb;
    }
}
