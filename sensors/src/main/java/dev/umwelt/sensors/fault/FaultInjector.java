package dev.umwelt.sensors.fault;

import dev.umwelt.bus.fault.Fault;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.observation.Modalities;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Random;

/**
 * Applies faults to a stream of readings, one tick's batch at a time (readings in, readings
 * out). Deterministic: the same faults, seed and input give the same output. A reading is
 * affected by every fault of its modality whose window covers its stamp (sim time since
 * {@code epochNanos}). A delayed reading is delivered {@code delay} after the tick it would
 * have arrived at (not after its stamp: an audio chunk, stamped at its first sample, is due
 * only once its last sample has passed). Not thread-safe: one per episode.
 */
public final class FaultInjector {
    private final List<Fault> faults;
    private final long epochNanos;
    private final Random random;
    /** The last reading as the sensor produced it: a freeze repeats the one before it started. */
    private final EnumMap<Modality, Stamped> lastSeen = new EnumMap<>(Modality.class);
    private final EnumMap<Modality, Stamped> frozen = new EnumMap<>(Modality.class);
    private final List<Held> held = new ArrayList<>();

    private record Held(long releaseNanos, Stamped reading) {}

    public FaultInjector(List<Fault> faults, long seed, long epochNanos) {
        this.faults = List.copyOf(faults);
        this.epochNanos = epochNanos;
        // Mixed so that the fault stream does not repeat the simulator's own draws for the same seed.
        this.random = new Random(seed ^ 0x5DEECE66DL * 31 + 0xFA17L);
    }

    public boolean isEmpty() {
        return faults.isEmpty();
    }

    /** The readings to deliver at {@code tickNanos}, in stamp order, from those the sensors produced since the last tick. */
    public List<Stamped> apply(long tickNanos, List<Stamped> readings) {
        if (faults.isEmpty()) return readings;
        List<Stamped> out = new ArrayList<>(readings.size());
        for (Stamped r : readings) {
            Stamped f = transform(r, tickNanos);
            if (f != null) out.add(f);
        }
        boolean released = false;
        for (int i = 0; i < held.size(); ) {
            if (held.get(i).releaseNanos() <= tickNanos) {
                out.add(held.remove(i).reading());
                released = true;
            } else {
                i++;
            }
        }
        if (released) out.sort(Comparator.comparingLong(Stamped::stampNanos)); // stable: equal stamps keep their order
        return out;
    }

    private Stamped transform(Stamped r, long tickNanos) {
        Modality m = Modalities.of(r).orElse(null);
        if (m == null) return r;
        long t = r.stampNanos() - epochNanos;
        Stamped original = r, out = r;
        boolean freezing = false;
        long delay = 0;
        for (Fault f : faults) {
            if (f.modality() != m || !f.covers(t)) continue;
            switch (f.kind()) {
                case DROP -> out = null;
                case FREEZE -> freezing = true;
                case DELAY -> delay = Math.max(delay, f.delayNanos());
                case NOISE -> out = out == null ? null : noise(out, f.value());
                case CORRUPT -> out = out == null ? null : corrupt(out, f.corruption());
            }
        }
        if (freezing && out != null) {
            Stamped source = frozen.computeIfAbsent(m, k -> lastSeen.getOrDefault(k, original));
            out = restamp(source, original.header());
        } else if (!freezing) {
            frozen.remove(m);
        }
        lastSeen.put(m, original);
        if (out != null && delay > 0) {
            held.add(new Held(tickNanos + delay, out));
            return null;
        }
        return out;
    }

    /** The same payload under a new header: what a hung driver republishing its last buffer sends. */
    static Stamped restamp(Stamped source, Header h) {
        if (source instanceof LidarScan s) {
            return new LidarScan(h, s.angleMin(), s.angleIncrement(), s.timeIncrement(), s.scanTime(), s.rangeMin(),
                    s.rangeMax(), s.ranges(), s.intensities());
        }
        if (source instanceof CameraFrame c) return new CameraFrame(h, c.width(), c.height(), c.rgb());
        if (source instanceof Odometry o) return new Odometry(h, o.childFrameId(), o.pose(), o.twist());
        if (source instanceof AudioChunk a) return new AudioChunk(h, a.sampleRate(), a.channelFrames(), a.samples());
        return source;
    }

    private Stamped noise(Stamped r, double sigma) {
        if (r instanceof LidarScan s) {
            float[] ranges = s.ranges().clone();
            for (int i = 0; i < ranges.length; i++) {
                // Only returns get noise: +-Inf and NaN mean something (REP-117) and stay.
                if (Float.isFinite(ranges[i])) {
                    double v = ranges[i] + sigma * random.nextGaussian();
                    ranges[i] = (float) Math.min(s.rangeMax(), Math.max(s.rangeMin(), v));
                }
            }
            return withRanges(s, ranges, s.intensities());
        }
        if (r instanceof CameraFrame c) {
            byte[] rgb = c.rgb().clone();
            for (int i = 0; i < rgb.length; i++) {
                long v = Math.round((rgb[i] & 0xff) + sigma * random.nextGaussian());
                rgb[i] = (byte) Math.min(255, Math.max(0, v));
            }
            return new CameraFrame(c.header(), c.width(), c.height(), rgb);
        }
        if (r instanceof AudioChunk a) {
            short[] pcm = a.samples().clone();
            for (int i = 0; i < pcm.length; i++) pcm[i] = pcm16(pcm[i] + sigma * random.nextGaussian());
            return new AudioChunk(a.header(), a.sampleRate(), a.channelFrames(), pcm);
        }
        return r;
    }

    private static short pcm16(double v) {
        return (short) Math.max(-Short.MAX_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
    }

    private Stamped corrupt(Stamped r, Fault.Corruption how) {
        if (r instanceof LidarScan s) {
            float[] ranges = s.ranges().clone();
            switch (how) {
                case NAN -> {
                    for (int i = 0; i < ranges.length; i++) if (random.nextDouble() < 0.6) ranges[i] = Float.NaN;
                }
                case NEGATIVE -> {
                    // Every tenth beam: a sign bug in a driver, not a flood.
                    for (int i = 0; i < ranges.length; i += 10) {
                        ranges[i] = Float.isFinite(ranges[i]) && ranges[i] > 0 ? -ranges[i] : -1f;
                    }
                }
                case WRONG_SIZE -> {
                    int n = ranges.length / 2;
                    float[] in = s.intensities();
                    return withRanges(s, java.util.Arrays.copyOf(ranges, n), in.length == 0 ? in : java.util.Arrays.copyOf(in, n));
                }
                default -> { }
            }
            return withRanges(s, ranges, s.intensities());
        }
        if (r instanceof CameraFrame c) {
            switch (how) {
                case BLACK -> {
                    return new CameraFrame(c.header(), c.width(), c.height(), new byte[c.rgb().length]);
                }
                case ONE_COLOUR -> {
                    byte[] rgb = new byte[c.rgb().length];
                    int colour = 0x202020 + random.nextInt(0xC0C0C0); // never black: that is BLACK's case
                    for (int i = 0; i < rgb.length; i += 3) {
                        rgb[i] = (byte) (colour >> 16);
                        rgb[i + 1] = (byte) (colour >> 8);
                        rgb[i + 2] = (byte) colour;
                    }
                    return new CameraFrame(c.header(), c.width(), c.height(), rgb);
                }
                case WRONG_SIZE -> {
                    int w = Math.max(1, c.width() / 2), h = Math.max(1, c.height() / 2);
                    byte[] rgb = new byte[3 * w * h];
                    for (int v = 0; v < h; v++) System.arraycopy(c.rgb(), 3 * (2 * v) * c.width(), rgb, 3 * v * w, 3 * w);
                    return new CameraFrame(c.header(), w, h, rgb);
                }
                default -> { }
            }
        }
        if (r instanceof AudioChunk a) {
            short[] in = a.samples();
            switch (how) {
                case CLIPPED -> {
                    // A saturated input stage: every sample driven to the rail of its sign.
                    short[] pcm = new short[in.length];
                    for (int i = 0; i < in.length; i++) pcm[i] = in[i] < 0 ? -Short.MAX_VALUE : Short.MAX_VALUE;
                    return new AudioChunk(a.header(), a.sampleRate(), a.channelFrames(), pcm);
                }
                case WRONG_SIZE -> {
                    int frames = Math.max(1, a.frames() / 2);
                    return new AudioChunk(a.header(), a.sampleRate(), a.channelFrames(),
                            java.util.Arrays.copyOf(in, frames * a.channels()));
                }
                default -> { }
            }
        }
        return r;
    }

    private static LidarScan withRanges(LidarScan s, float[] ranges, float[] intensities) {
        return new LidarScan(s.header(), s.angleMin(), s.angleIncrement(), s.timeIncrement(), s.scanTime(), s.rangeMin(),
                s.rangeMax(), ranges, intensities);
    }
}
