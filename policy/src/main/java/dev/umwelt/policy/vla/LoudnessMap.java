package dev.umwelt.policy.vla;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.policy.explore.ToneLevel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The belief's {@code loudness} channel: how loud the tone was at each place the robot has been,
 * from the microphones alone (the explorer's ToneLevel: the strongest narrowband component of each
 * chunk, kept when it stands 12 dB or more above the chunk's own floor). Per 0.25 m cell the
 * loudest chunk heard there, at the pose it was heard from; painted relative to the loudest heard
 * anywhere: 1 there, falling linearly to 0 at {@link #SPAN_DB} below. Why: the world model's sound
 * map (bearings from a 0.2 m pair, front/back ambiguous and aliased above ~857 Hz) localises the
 * generated emitters almost never, while levels fall 20 log10 r and 15 dB per wall, so a map of
 * them points at the source. Fed every tick (one chunk used once, by stamp); one per episode.
 */
final class LoudnessMap {
    static final double CELL = 0.25, MIN_SNR_DB = 12, SPAN_DB = 24;

    private final ToneLevel tone = new ToneLevel();
    private final Map<Long, double[]> cells = new HashMap<>(); // cell key -> {x, y, level}
    private final List<double[]> order = new ArrayList<>(); // the same cells, in the order first heard (painting order)
    private double loudest = Double.NEGATIVE_INFINITY;

    /** Takes this tick's audio chunk (if new and tonal) as heard at {@code pose} (map). */
    void update(Observation obs, Pose2D pose) {
        if (!tone.measureNew(obs) || tone.snrDb() < MIN_SNR_DB) return;
        double level = tone.level();
        long key = ToneLevel.cellKey(pose.x(), pose.y(), CELL);
        double[] c = cells.get(key);
        if (c == null) {
            c = new double[] {pose.x(), pose.y(), level};
            cells.put(key, c);
            order.add(c);
        } else if (level > c[2]) {
            c[0] = pose.x();
            c[1] = pose.y();
            c[2] = level;
        }
        loudest = Math.max(loudest, level);
    }

    /** Each heard cell as {x, y, value in [0, 1]}. */
    List<double[]> values() {
        List<double[]> out = new ArrayList<>(order.size());
        for (double[] c : order) out.add(new double[] {c[0], c[1], Math.max(0, Math.min(1, 1 + (c[2] - loudest) / SPAN_DB))});
        return out;
    }
}
