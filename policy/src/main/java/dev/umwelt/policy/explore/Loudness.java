package dev.umwelt.policy.explore;

import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.AudioChunk;

import java.util.ArrayDeque;

/**
 * How loud the microphones hear things, in dB full scale: the loudest chunk of the last
 * {@link #WINDOW_NANOS} (a beeping source is silent between beeps), and the loudest ever heard.
 * The explorer uses it to check a sound fix before STOP: range cannot be observed from one spot
 * and a fix can be wrong by metres, but a point source gets about 6 dB louder per halving of the
 * distance, so a robot truly next to the source hears it much louder than where it first heard it.
 */
final class Loudness {
    static final long WINDOW_NANOS = 1_200_000_000L;
    private final ArrayDeque<long[]> recent = new ArrayDeque<>(); // {stamp, level * 1000}
    private long lastChunk = Long.MIN_VALUE;
    private double loudest = Double.NEGATIVE_INFINITY;

    void update(Observation obs) {
        AudioChunk a = obs.audio().value().orElse(null);
        if (a == null || a.stampNanos() <= lastChunk) return;
        lastChunk = a.stampNanos();
        double level = levelDbfs(a);
        recent.addLast(new long[] {a.stampNanos(), Math.round(level * 1000)});
        while (!recent.isEmpty() && recent.peekFirst()[0] < a.stampNanos() - WINDOW_NANOS) recent.removeFirst();
        loudest = Math.max(loudest, now());
    }

    /** The loudest chunk of the last window; -infinity before any. */
    double now() {
        double m = Double.NEGATIVE_INFINITY;
        for (long[] r : recent) m = Math.max(m, r[1] / 1000.0);
        return m;
    }

    double loudest() {
        return loudest;
    }

    /** RMS over all channels relative to full scale (32768). */
    static double levelDbfs(AudioChunk a) {
        short[] s = a.samples();
        if (s.length == 0) return Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (short v : s) sum += (double) v * v;
        double rms = Math.sqrt(sum / s.length) / 32768.0;
        return 20 * Math.log10(Math.max(rms, 1e-9));
    }
}
