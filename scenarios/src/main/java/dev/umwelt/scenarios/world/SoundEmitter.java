package dev.umwelt.scenarios.world;

import dev.umwelt.bus.Vec2;

import java.util.Arrays;
import java.util.Objects;

/**
 * A point sound source in {@code map}: {@code position} on the floor plan, {@code height} above
 * the floor (metres), {@code levelDb} the source level in dB SPL at 1 m (RMS).
 * <ul>
 *   <li>{@link Kind#TONE}: a continuous sine of {@code frequencyHz};</li>
 *   <li>{@link Kind#BEEP}: the same sine switched on for {@code dutyCycle * periodSeconds} at the
 *       start of every {@code periodSeconds} (phase 0 at the sim epoch);</li>
 *   <li>{@link Kind#CLIP}: {@code clip} (16 kHz mono, full scale = +-1) looped from the epoch; a
 *       full-scale sample is the peak of a sine of {@code levelDb}.</li>
 * </ul>
 * {@code clip} is empty for TONE and BEEP; it is never copied (records share it), so do not mutate.
 */
public record SoundEmitter(String id, Vec2 position, double height, Kind kind, double frequencyHz, double levelDb,
                           double dutyCycle, double periodSeconds, float[] clip) {
    public enum Kind { TONE, BEEP, CLIP }

    /** The sample rate clips must have. */
    public static final int CLIP_SAMPLE_RATE = 16_000;

    public SoundEmitter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(kind, "kind");
        clip = clip == null ? new float[0] : clip;
        if (!Double.isFinite(levelDb)) throw new IllegalArgumentException("levelDb must be finite");
        if (kind != Kind.CLIP && !(frequencyHz > 0)) throw new IllegalArgumentException("frequencyHz must be positive");
        if (kind == Kind.BEEP) {
            if (!(dutyCycle > 0 && dutyCycle <= 1)) throw new IllegalArgumentException("dutyCycle must be in (0, 1]");
            if (!(periodSeconds > 0)) throw new IllegalArgumentException("periodSeconds must be positive");
        }
        if (kind == Kind.CLIP && clip.length == 0) throw new IllegalArgumentException("a CLIP emitter needs samples");
    }

    public static SoundEmitter tone(String id, Vec2 position, double height, double frequencyHz, double levelDb) {
        return new SoundEmitter(id, position, height, Kind.TONE, frequencyHz, levelDb, 1, 1, null);
    }

    public static SoundEmitter beep(String id, Vec2 position, double height, double frequencyHz, double levelDb,
                                    double dutyCycle, double periodSeconds) {
        return new SoundEmitter(id, position, height, Kind.BEEP, frequencyHz, levelDb, dutyCycle, periodSeconds, null);
    }

    public static SoundEmitter clip(String id, Vec2 position, double height, double levelDb, float[] samples) {
        return new SoundEmitter(id, position, height, Kind.CLIP, 0, levelDb, 1, 1, samples);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SoundEmitter e && id.equals(e.id) && position.equals(e.position) && height == e.height
                && kind == e.kind && frequencyHz == e.frequencyHz && levelDb == e.levelDb && dutyCycle == e.dutyCycle
                && periodSeconds == e.periodSeconds && Arrays.equals(clip, e.clip);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, position, height, kind, frequencyHz, levelDb, dutyCycle, periodSeconds, Arrays.hashCode(clip));
    }

    @Override
    public String toString() {
        return "SoundEmitter[" + id + ", " + kind + " at " + position + " h=" + height + ", " + frequencyHz + " Hz, "
                + levelDb + " dB" + (kind == Kind.BEEP ? ", duty " + dutyCycle + " of " + periodSeconds + " s" : "")
                + (kind == Kind.CLIP ? ", " + clip.length + " samples" : "") + "]";
    }
}
