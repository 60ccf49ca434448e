package dev.umwelt.policy.vla;

import dev.umwelt.policy.explore.SoundSeeking;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.sound.ToneMap;

import java.util.List;

/**
 * What the belief's {@code loudness} and {@code source} channels remember of the tone heard along
 * the way: the world model's {@link ToneMap} (the strongest narrowband component of each chunk,
 * kept 12 dB or more above the chunk's floor, the loudest per 0.25 m cell), judged as the explorer's
 * {@link SoundSeeking} judges it, so the VLA and the explorer hear one analysis. Why not the world model's sound map: its bearings from a 0.2 m pair
 * are front/back ambiguous and aliased above ~857 Hz, and it localises the generated emitters
 * almost never, while levels fall 20 log10 r and 15 dB per wall.
 * <ul>
 * <li>loudness: each heard place relative to the loudest heard anywhere, 1 there, falling
 * linearly to 0 at {@link #SPAN_DB} below;
 * <li>source: the source fitted to those levels (refreshed at most once a second of the episode's
 * clock, so export and runtime fit at the same ticks), 1 when the explorer would trust it enough
 * to STOP there, {@link #UNTRUSTED} otherwise.
 * </ul>
 * Read every tick; one per episode.
 */
final class HeardTone {
    static final double SPAN_DB = 24, SOURCE_RADIUS = 0.5;
    static final float UNTRUSTED = 0.5f;

    private final boolean fitting;
    private SoundSeeking seeking;
    private ToneMap.Fit fit;
    private boolean trusted;

    /** {@code fitting}: whether the source is fitted (only a model with the source channel pays for it). */
    HeardTone(boolean fitting) {
        this.fitting = fitting;
    }

    /** Reads {@code world}'s tone map at {@code now} (the world model heard this tick's chunk in its update). */
    void update(WorldModel world, long now) {
        if (seeking == null) seeking = new SoundSeeking(world.tones());
        if (!fitting) return;
        fit = seeking.fit(now);
        trusted = seeking.trusted(fit);
    }

    /** Each heard place as {x, y, value in [0, 1]}. */
    List<double[]> levels() {
        return seeking == null ? List.of() : seeking.relativeLevels(SPAN_DB);
    }

    /** The fitted source as {x, y, value}, or null before a fit. */
    double[] source() {
        return fit == null ? null : new double[] {fit.x(), fit.y(), trusted ? 1f : UNTRUSTED};
    }
}
