package dev.umwelt.bus.observation;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the robot knows at one control tick: for every {@link Modality} a {@link Sense}, present
 * or absent with a reason. Modalities are keyed, not positional, so new ones extend the schema
 * without breaking logs.
 *
 * <p>{@code privilegedPose} is the ground-truth pose in {@code map}; the simulator fills it only
 * for privileged policies (the oracle). Real robots never have it.
 */
public record Observation(long stampNanos, Map<Modality, Sense<?>> senses, Pose2D privilegedPose) {

    public Observation {
        EnumMap<Modality, Sense<?>> all = new EnumMap<>(Modality.class);
        for (Modality m : Modality.values()) {
            Sense<?> s = senses.get(m);
            if (s != null && s.modality() != m) {
                throw new IllegalArgumentException("sense under " + m + " is for " + s.modality());
            }
            all.put(m, s != null ? s : Sense.absent(m, AbsenceReason.NEVER_ARRIVED));
        }
        senses = Collections.unmodifiableMap(all);
    }

    public Sense<?> sense(Modality m) {
        return senses.get(m);
    }

    public boolean has(Modality m) {
        return senses.get(m).present();
    }

    public Optional<Pose2D> privileged() {
        return Optional.ofNullable(privilegedPose);
    }

    @SuppressWarnings("unchecked")
    private <T extends Stamped> Sense<T> typed(Modality m) {
        return (Sense<T>) senses.get(m);
    }

    public Sense<LidarScan> lidar() { return typed(Modality.LIDAR); }
    public Sense<CameraFrame> camera() { return typed(Modality.CAMERA); }
    public Sense<AudioChunk> audio() { return typed(Modality.AUDIO); }
    public Sense<Odometry> odometry() { return typed(Modality.ODOMETRY); }
    public Sense<Instruction> instruction() { return typed(Modality.INSTRUCTION); }

    public static Builder at(long stampNanos) {
        return new Builder(stampNanos);
    }

    public static final class Builder {
        private final long stamp;
        private final EnumMap<Modality, Sense<?>> senses = new EnumMap<>(Modality.class);
        private Pose2D privilegedPose;

        private Builder(long stamp) {
            this.stamp = stamp;
        }

        public Builder sense(Sense<?> s) {
            senses.put(s.modality(), Objects.requireNonNull(s));
            return this;
        }

        public <T extends Stamped> Builder present(Modality m, T reading) {
            return sense(Sense.present(m, reading, stamp));
        }

        public Builder privilegedPose(Pose2D pose) {
            this.privilegedPose = pose;
            return this;
        }

        public Observation build() {
            return new Observation(stamp, senses, privilegedPose);
        }
    }
}
