package dev.umwelt.sim.audio;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.bus.robot.MicrophoneSpec;
import dev.umwelt.scenarios.world.AcousticSettings;
import dev.umwelt.scenarios.world.SoundEmitter;
import dev.umwelt.scenarios.world.Wall;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Free-field point sources heard by the robot's microphones (model: sim/README.md, "Audio").
 * Every emitter's signal is synthesized analytically at the exact delayed time
 * {@code t - r / c} of each sample, so interaural delays are exact to the fraction of a sample
 * for tones and beeps; clips use a windowed-sinc interpolator. Sample n of the stream is at
 * {@code epoch + n / sampleRate}; a chunk is computed from ONE robot pose (its motion within the
 * chunk is ignored: at 0.5 m/s and 0.1 s that moves a source by under 3 degrees at 1 m).
 */
public final class AcousticSimulator {
    public static final double SPEED_OF_SOUND = 343.0;
    /** Pressure reference of dB SPL, Pa. */
    public static final double P_REF = 20e-6;
    /** Peak pressure of a full-scale sample: 0 dBFS is a sine of 120 dB SPL (a MEMS mic's 94 dB SPL = -26 dBFS). */
    public static final double FULL_SCALE_PA = P_REF * 1e6 * Math.sqrt(2);
    /** Distances below this count as this (a point source's 1/r is unbounded at 0). */
    public static final double MIN_DISTANCE = 0.1;
    /** Raised-cosine ramp of a beep's edges, s: keeps the on/off switching from clicking. */
    public static final double BEEP_RAMP_SECONDS = 0.005;
    static final int SINC_HALF_WIDTH = 8;

    private final SoundEmitter[] emitters;
    private final AcousticSettings settings;
    private final MicrophoneSpec[] mics;
    private final List<String> frames;
    private final double[] wallData; // per wall: fromX, fromY, ux, uy, length, halfThickness
    private final int frameCount, rate;
    private final double noiseSigma; // full-scale units
    private SplittableRandom noise;

    public AcousticSimulator(List<SoundEmitter> emitters, AcousticSettings settings, List<MicrophoneSpec> mics,
                             List<Wall> walls) {
        if (mics.isEmpty()) throw new IllegalArgumentException("no microphones");
        this.emitters = emitters.toArray(new SoundEmitter[0]);
        this.settings = settings;
        this.mics = mics.toArray(new MicrophoneSpec[0]);
        List<String> f = new ArrayList<>();
        for (MicrophoneSpec m : mics) f.add(m.frame());
        this.frames = List.copyOf(f);
        this.rate = settings.sampleRate();
        this.frameCount = settings.chunkFrames();
        this.noiseSigma = P_REF * Math.pow(10, settings.effectiveNoiseLevelDb(emitters) / 20) / FULL_SCALE_PA;
        this.wallData = new double[walls.size() * 6];
        for (int i = 0; i < walls.size(); i++) {
            Wall w = walls.get(i);
            double dx = w.to().x() - w.from().x(), dy = w.to().y() - w.from().y(), len = Math.hypot(dx, dy);
            int o = 6 * i;
            wallData[o] = w.from().x();
            wallData[o + 1] = w.from().y();
            wallData[o + 2] = len == 0 ? 1 : dx / len;
            wallData[o + 3] = len == 0 ? 0 : dy / len;
            wallData[o + 4] = len;
            wallData[o + 5] = Math.max(w.thickness(), 0.01) / 2; // as the physics: thinner than 1 cm gets 1 cm
        }
    }

    /** Seeds the background noise (the simulator's "audio" stream). */
    public void reset(SplittableRandom noiseStream) {
        this.noise = noiseStream;
    }

    public int chunkFrames() { return frameCount; }
    public int sampleRate() { return rate; }
    public List<String> channelFrames() { return frames; }

    /** Sim time of stream sample {@code n}. */
    public long stampOf(long n) {
        return Clock.SIM_EPOCH_NANOS + Math.round(n * 1e9 / rate);
    }

    /** The chunk whose first sample is stream sample {@code first}, heard from {@code pose}. */
    public AudioChunk chunk(Pose2D pose, long first) {
        int ch = mics.length, n = frameCount;
        double[] acc = new double[n];
        short[] out = new short[n * ch];
        double c = Math.cos(pose.yaw()), s = Math.sin(pose.yaw());
        double t0 = first / (double) rate, dt = 1.0 / rate;
        for (int m = 0; m < ch; m++) {
            MicrophoneSpec mic = mics[m];
            double mx = pose.x() + c * mic.x() - s * mic.y(), my = pose.y() + s * mic.x() + c * mic.y();
            java.util.Arrays.fill(acc, 0);
            for (SoundEmitter e : emitters) {
                double ex = e.position().x(), ey = e.position().y(), dz = e.height() - mic.z();
                double r = Math.max(MIN_DISTANCE, Math.sqrt((ex - mx) * (ex - mx) + (ey - my) * (ey - my) + dz * dz));
                int crossed = wallsCrossed(ex, ey, mx, my);
                double gainDb = -settings.wallAttenuationDb() * crossed;
                double peak = Math.sqrt(2) * P_REF * Math.pow(10, (e.levelDb() + gainDb) / 20) / r / FULL_SCALE_PA;
                addEmitter(acc, e, peak, t0 - r / SPEED_OF_SOUND, dt);
            }
            for (int i = 0; i < n; i++) {
                double v = (acc[i] + noiseSigma * noise.nextGaussian()) * 32767.0;
                out[i * ch + m] = (short) Math.max(-32768, Math.min(32767, Math.round(v)));
            }
        }
        return new AudioChunk(new Header(stampOf(first), Frames.BASE_LINK), rate, frames, out);
    }

    /** Adds {@code peak * signal(start + i * dt)} to acc[i]; start is already delayed by r / c. */
    private void addEmitter(double[] acc, SoundEmitter e, double peak, double start, double dt) {
        if (e.kind() == SoundEmitter.Kind.CLIP) {
            addClip(acc, e.clip(), peak, start, dt);
            return;
        }
        // sin(w t) by rotation: exact phase at the chunk start (t is seconds since the epoch, so
        // double keeps sub-nanosecond phase for days), then a unit-complex recurrence.
        double w = 2 * Math.PI * e.frequencyHz();
        double phase = w * start;
        double sr = Math.sin(phase), cr = Math.cos(phase), sd = Math.sin(w * dt), cd = Math.cos(w * dt);
        boolean beep = e.kind() == SoundEmitter.Kind.BEEP && e.dutyCycle() < 1;
        double period = e.periodSeconds(), on = e.dutyCycle() * period, ramp = Math.min(BEEP_RAMP_SECONDS, on / 2);
        for (int i = 0; i < acc.length; i++) {
            double env = beep ? envelope(start + i * dt, period, on, ramp) : 1;
            acc[i] += peak * env * sr;
            double ns = sr * cd + cr * sd;
            cr = cr * cd - sr * sd;
            sr = ns;
        }
    }

    /** On for {@code on} seconds at the start of each period, with raised-cosine edges of {@code ramp}. */
    static double envelope(double t, double period, double on, double ramp) {
        double u = t - Math.floor(t / period) * period;
        if (u >= on) return 0;
        if (u < ramp) return 0.5 - 0.5 * Math.cos(Math.PI * u / ramp);
        if (u > on - ramp) return 0.5 - 0.5 * Math.cos(Math.PI * (on - u) / ramp);
        return 1;
    }

    /** Looped clip at fractional positions: Hann-windowed sinc over 2 * SINC_HALF_WIDTH taps. */
    private static void addClip(double[] acc, float[] clip, double peak, double start, double dt) {
        int len = clip.length;
        double step = dt * SoundEmitter.CLIP_SAMPLE_RATE;
        double pos = start * SoundEmitter.CLIP_SAMPLE_RATE;
        for (int i = 0; i < acc.length; i++) {
            double x = pos + i * step;
            long k0 = (long) Math.floor(x);
            double frac = x - k0;
            double v = 0;
            for (int j = -SINC_HALF_WIDTH + 1; j <= SINC_HALF_WIDTH; j++) {
                double d = j - frac; // distance of tap from the wanted position
                double win = 0.5 + 0.5 * Math.cos(Math.PI * d / SINC_HALF_WIDTH);
                double sinc = Math.abs(d) < 1e-12 ? 1 : Math.sin(Math.PI * d) / (Math.PI * d);
                int idx = (int) Math.floorMod(k0 + j, (long) len);
                v += clip[idx] * sinc * win;
            }
            acc[i] += peak * v;
        }
    }

    /** How many wall footprints the segment (ax, ay)-(bx, by) crosses or touches. */
    int wallsCrossed(double ax, double ay, double bx, double by) {
        int count = 0;
        for (int o = 0; o < wallData.length; o += 6) {
            double ux = wallData[o + 2], uy = wallData[o + 3], len = wallData[o + 4], h = wallData[o + 5];
            double rx = ax - wallData[o], ry = ay - wallData[o + 1];
            // segment in the wall's frame: u along the wall, v across it
            double u0 = rx * ux + ry * uy, v0 = -rx * uy + ry * ux;
            double du = (bx - ax) * ux + (by - ay) * uy, dv = -(bx - ax) * uy + (by - ay) * ux;
            if (clips(u0, du, 0, len) && clips(v0, dv, -h, h) && overlap(u0, du, 0, len, v0, dv, -h, h)) count++;
        }
        return count;
    }

    private static boolean clips(double p, double d, double lo, double hi) {
        return Math.min(p, p + d) <= hi && Math.max(p, p + d) >= lo;
    }

    /** Liang-Barsky: does p + t d, t in [0, 1], enter the box [ulo, uhi] x [vlo, vhi]? */
    private static boolean overlap(double u, double du, double ulo, double uhi, double v, double dv, double vlo, double vhi) {
        double[] t = {0, 1};
        return slab(u, du, ulo, uhi, t) && slab(v, dv, vlo, vhi, t) && t[0] <= t[1];
    }

    private static boolean slab(double p, double d, double lo, double hi, double[] t) {
        if (Math.abs(d) < 1e-15) return p >= lo && p <= hi;
        double a = (lo - p) / d, b = (hi - p) / d;
        t[0] = Math.max(t[0], Math.min(a, b));
        t[1] = Math.min(t[1], Math.max(a, b));
        return t[0] <= t[1];
    }
}
