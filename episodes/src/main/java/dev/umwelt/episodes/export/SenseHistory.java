package dev.umwelt.episodes.export;

import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.observation.AbsenceReason;
import dev.umwelt.bus.observation.Modalities;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.observation.Sense;
import dev.umwelt.bus.ros1.ObservationMask;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.robot.RobotDescription;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumMap;

/**
 * An episode's recent readings per modality (in file order, as they reached the policy) and the
 * observation rebuilt from them at a tick: which reading of each sense the policy acted on (the
 * one whose stamp is the tick's minus the age in the recorded {@code /umwelt/observation} mask),
 * present or not and why. Files without the mask (recorded before it existed) fall back to the
 * control loop's age rule: the newest reading at or before the tick, present within three sensor
 * periods. Absent senses are zeros in the sample, as a policy with a maskable input gets them.
 */
final class SenseHistory {
    /** Readings kept per modality: enough for the oldest one a mask can name (three periods) and late arrivals. */
    static final int KEPT = 16;
    /** The control loop's staleness rule, for files without a mask (agent ControlTick.MAX_AGE_PERIODS). */
    static final double MAX_AGE_PERIODS = 3.0;

    private final EnumMap<Modality, ArrayDeque<Stamped>> recent = new EnumMap<>(Modality.class);
    private final EnumMap<Modality, Long> maxAgeNanos = new EnumMap<>(Modality.class);
    private final CameraDownsampler downsampler;
    private final int audioChannels, audioFrames;
    private CameraFrame lastFrame;
    private byte[] lastFrameSmall;

    SenseHistory(Scenario scenario, DatasetLayout layout) {
        for (Modality m : Modality.values()) recent.put(m, new ArrayDeque<>(KEPT));
        RobotDescription r = scenario.robot();
        maxAgeNanos.put(Modality.LIDAR, periods(r.lidar().rateHz()));
        maxAgeNanos.put(Modality.ODOMETRY, periods(r.odometry().rateHz()));
        r.cameraSpec().ifPresent(c -> maxAgeNanos.put(Modality.CAMERA, periods(c.rateHz())));
        maxAgeNanos.put(Modality.AUDIO, periods(1 / scenario.acoustics().chunkSeconds()));
        downsampler = new CameraDownsampler(layout.cameraWidth(), layout.cameraHeight());
        audioChannels = layout.audioChannels();
        audioFrames = layout.audioFrames();
    }

    private static long periods(double hz) {
        return Math.round(MAX_AGE_PERIODS * 1e9 / hz);
    }

    void add(Stamped reading) {
        Modalities.of(reading).ifPresent(m -> {
            ArrayDeque<Stamped> q = recent.get(m);
            if (q.size() == KEPT) q.removeFirst();
            q.addLast(reading);
        });
    }

    /** What the policy had of one sense at a tick: present or not, the reading's age, why absent, the reading (null when absent). */
    private record Picked(boolean present, long age, AbsenceReason why, Stamped reading) {}

    /** The sense {@code m} at tick {@code t} from {@code mask} (null, or from another tick: the age rule). */
    private Picked picked(Modality m, long t, ObservationMask mask) {
        boolean masked = mask != null && mask.header().stampNanos() == t;
        ObservationMask.Entry e = masked ? entry(mask, m) : null;
        if (e != null) {
            boolean present = e.present();
            Stamped reading = present ? pick(m, t - e.ageNanos(), t) : null;
            return new Picked(present && reading != null, e.ageNanos(), reason(e.absence(), present), reading);
        }
        Stamped reading = newestAtOrBefore(m, t);
        long age = reading == null ? 0 : t - reading.stampNanos();
        Long max = maxAgeNanos.get(m);
        boolean present = reading != null && (max == null || age <= max);
        AbsenceReason why = present ? AbsenceReason.NONE : reading == null ? AbsenceReason.NEVER_ARRIVED : AbsenceReason.STALE;
        return new Picked(present, age, why, present ? reading : null);
    }

    /** Fills the sample's senses at its tick from {@code mask} (null, or from another tick: the age rule). */
    void observe(TickSample s, ObservationMask mask) {
        for (Modality m : Modality.values()) {
            Picked p = picked(m, s.stampNanos, mask);
            int i = m.ordinal();
            s.presence[i] = (byte) (p.present() ? 1 : 0);
            s.absence[i] = (byte) p.why().ordinal();
            s.ageSeconds[i] = (float) (p.age() / 1e9);
            fill(s, p.reading());
        }
    }

    /** The observation the policy acted on at tick {@code t}, rebuilt from the same picks (a world model is fed with it). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Observation observation(long t, ObservationMask mask) {
        Observation.Builder b = Observation.at(t);
        for (Modality m : Modality.values()) {
            Picked p = picked(m, t, mask);
            if (p.present()) b.sense(new Sense(m, p.reading(), Math.max(0, p.age()), AbsenceReason.NONE));
            else b.sense(Sense.absent(m, p.why() == AbsenceReason.NONE ? AbsenceReason.NEVER_ARRIVED : p.why()));
        }
        return b.build();
    }

    private static ObservationMask.Entry entry(ObservationMask mask, Modality m) {
        for (ObservationMask.Entry e : mask.entries()) if (e.modality().equals(m.key())) return e;
        return null;
    }

    private static AbsenceReason reason(String name, boolean present) {
        try {
            return AbsenceReason.valueOf(name);
        } catch (IllegalArgumentException unknown) { // a reason added after this reader: absent all the same
            return present ? AbsenceReason.NONE : AbsenceReason.DISABLED;
        }
    }

    /** The reading stamped {@code stamp}; failing that (evicted, odd file) the newest at or before the tick. */
    private Stamped pick(Modality m, long stamp, long tick) {
        for (Stamped r : recent.get(m)) if (r.stampNanos() == stamp) return r;
        return newestAtOrBefore(m, tick);
    }

    private Stamped newestAtOrBefore(Modality m, long t) {
        Stamped best = null;
        for (Stamped r : recent.get(m)) {
            if (r.stampNanos() <= t && (best == null || r.stampNanos() >= best.stampNanos())) best = r;
        }
        return best;
    }

    private void fill(TickSample s, Stamped reading) {
        if (reading instanceof CameraFrame f) {
            if (f != lastFrame) { // a 10 Hz camera serves two 20 Hz ticks: box-filter each frame once
                lastFrameSmall = new byte[s.camera.length];
                downsampler.into(f, lastFrameSmall);
                lastFrame = f;
            }
            System.arraycopy(lastFrameSmall, 0, s.camera, 0, s.camera.length);
        } else if (reading instanceof LidarScan scan) {
            System.arraycopy(scan.ranges(), 0, s.lidar, 0, Math.min(scan.ranges().length, s.lidar.length));
        } else if (reading instanceof Odometry o) {
            s.odometry[0] = (float) o.pose().x();
            s.odometry[1] = (float) o.pose().y();
            s.odometry[2] = (float) o.pose().yaw();
            s.odometry[3] = (float) o.twist().linear();
            s.odometry[4] = (float) o.twist().angular();
        } else if (reading instanceof AudioChunk a) {
            deinterleave(a, s.audio, audioChannels, audioFrames);
        }
    }

    /** Interleaved PCM to [channel][frame], the chunk's last frames aligned to the row's end (a shorter chunk leaves zeros in front). */
    static void deinterleave(AudioChunk a, short[] out, int outChannels, int outFrames) {
        Arrays.fill(out, (short) 0);
        int channels = a.channels(), n = Math.min(a.frames(), outFrames), skip = a.frames() - n, pad = outFrames - n;
        short[] in = a.samples();
        for (int c = 0; c < Math.min(channels, outChannels); c++) {
            for (int f = 0; f < n; f++) out[c * outFrames + pad + f] = in[(skip + f) * channels + c];
        }
    }
}
