package dev.umwelt.policy.explore;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.AudioChunk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AudioGoal: where the sound comes from, from how loud its tone is at the places the robot has
 * been. Bearings from the 0.2 m microphone pair are front/back ambiguous and, for tones above
 * ~857 Hz (most generated emitters), spatially aliased, so this fits the source to levels
 * instead: in the simulator's free field a source of unknown level A (dB at 1 m) is heard at
 * {@code A - 20 log10 r - 15 dB per wall}. Every place the robot heard the tone (a 0.25 m cell,
 * the loudest chunk there) gives q = level + 20 log10 r for a candidate position; at the true
 * position the samples in line of sight share q = A and those behind walls fall below it, never
 * above. A grid search over candidate positions (and the emitter's unknown height above the
 * microphones) scores that one-sided agreement. Not thread-safe.
 */
final class SoundSeeking {
    /** A chunk whose tone stands less than this above its own noise floor is not a sample. */
    static final double MIN_SNR_DB = 12;
    static final double CELL = 0.25, INLIER_DB = 2.0, WALL_CAP_DB = 3.0;
    static final double KEEP_DB = 12;
    /**
     * A fit whose level at 1 m stands less than this above the noise floor was fitted to samples
     * heard through a wall. Generated scenes put the noise 15..25 dB below the emitter's 1 m level,
     * and the tone's bin gains ~26 dB over the broadband floor here (measured: 41, 46, 51 dB in line of sight
     * for SNR 15, 20, 25; 23 for a fit behind a wall at SNR 15); a wall costs 15 dB.
     */
    static final double MIN_SNR_AT_1M_DB = 38;
    static final long FIT_EVERY_NANOS = 1_000_000_000L;
    private static final double[] HEIGHTS = {0.1, 0.6, 1.2};

    private final ToneLevel tone = new ToneLevel();
    private final Map<Long, double[]> cells = new HashMap<>(); // cell key -> {x, y, level}
    private long lastChunk = Long.MIN_VALUE, lastFit = Long.MIN_VALUE;
    private double[] loudestAt;
    private double loudest = Double.NEGATIVE_INFINITY, latestLevel = Double.NEGATIVE_INFINITY, latestFloor = Double.NaN;
    private double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    /** The latest fit: x, y, height offset, A, inliers, nearest inlier range, farthest inlier range; null before one. */
    private Fit fit;
    private final List<double[]> visited = new ArrayList<>();
    static final long VISITED_NANOS = 8_000_000_000L, ORBIT_NANOS = 15_000_000_000L;
    static final double ORBIT_RADIUS = 0.9;
    private double[] orbitCentre;
    private long orbitSince;

    record Fit(double x, double y, double height, double a, int inliers, int samples, double nearest, double farthest, double cost) {}

    /** Takes this tick's audio chunk (if new) as a sample at the robot's pose. */
    void update(Observation obs, Pose2D pose) {
        AudioChunk a = obs.audio().value().orElse(null);
        if (a == null || a.stampNanos() <= lastChunk || a.frames() < 256) return;
        lastChunk = a.stampNanos();
        tone.measure(a);
        if (tone.snrDb() < MIN_SNR_DB) return;
        double level = tone.level();
        latestLevel = level;
        latestFloor = level - tone.snrDb();
        long key = (Math.round(pose.x() / CELL) << 32) ^ (Math.round(pose.y() / CELL) & 0xffffffffL);
        double[] c = cells.get(key);
        if (c == null) cells.put(key, new double[] {pose.x(), pose.y(), level});
        else if (level > c[2]) { c[0] = pose.x(); c[1] = pose.y(); c[2] = level; }
        minX = Math.min(minX, pose.x()); maxX = Math.max(maxX, pose.x());
        minY = Math.min(minY, pose.y()); maxY = Math.max(maxY, pose.y());
        if (level > loudest) {
            loudest = level;
            loudestAt = new double[] {pose.x(), pose.y()};
        }
    }

    boolean heard() {
        return !cells.isEmpty();
    }

    double[] loudestAt() {
        return loudestAt;
    }

    double loudest() {
        return loudest;
    }

    /** How far apart the places the tone was heard are (metres, bounding-box diagonal). */
    double spread() {
        return cells.isEmpty() ? 0 : Math.hypot(maxX - minX, maxY - minY);
    }

    /** The current fit, refreshed at most every {@link #FIT_EVERY_NANOS}; null until the samples span 1 m. */
    Fit fit(long now) {
        if (now - lastFit < FIT_EVERY_NANOS && fit != null) return fit;
        lastFit = now;
        if (cells.size() < 5 || spread() < 1.0) return fit = null;
        // Samples far below the loudest are most likely behind walls: they only blur the fit.
        List<double[]> s = new ArrayList<>();
        for (double[] c : cells.values()) if (c[2] >= loudest - KEEP_DB) s.add(c);
        if (s.size() < 5) return fit = null;
        double m = 8.0;
        Fit best = null;
        for (double x = minX - m; x <= maxX + m; x += 0.4)
            for (double y = minY - m; y <= maxY + m; y += 0.4)
                for (double h : HEIGHTS) best = better(best, score(s, x, y, h));
        double bx = best.x(), by = best.y();
        for (double x = bx - 0.4; x <= bx + 0.4; x += 0.1)
            for (double y = by - 0.4; y <= by + 0.4; y += 0.1)
                for (double h : HEIGHTS) best = better(best, score(s, x, y, h));
        return fit = best;
    }

    /**
     * True when the fit can be trusted enough to STOP at it: the robot is close to it, the tone
     * here is as loud as the fit predicts (line of sight, near), and in-line-of-sight samples
     * span a range of distances (range is observable only from the 1/r slope).
     */
    boolean confirmedAt(Pose2D pose, Fit f) {
        if (f == null || f.inliers() < 8 || f.inliers() < 0.6 * f.samples() || f.cost() > 2.5
                || f.farthest() < 2.5 * Math.max(f.nearest(), 0.5) || latestLevel < loudest - 3
                || !(snrAtOneMetre(f) >= MIN_SNR_AT_1M_DB)) return false;
        double r2 = sq(pose.x() - f.x()) + sq(pose.y() - f.y()) + sq(f.height());
        double q = latestLevel + 10 * Math.log10(Math.max(r2, 0.01));
        return Math.abs(q - f.a()) <= INLIER_DB + 1.0;
    }

    /** The robot reached an unconfirmed fit here: ignore fits near it for {@link #VISITED_NANOS} while more is heard elsewhere. */
    void visited(double x, double y, long now) {
        visited.add(new double[] {x, y, now});
    }

    boolean recentlyVisited(double x, double y, long now) {
        for (double[] v : visited) if (now - (long) v[2] < VISITED_NANOS && Math.hypot(v[0] - x, v[1] - y) < 0.7) return true;
        return false;
    }

    /**
     * Near an unconfirmed fit: a point {@link #ORBIT_RADIUS} from it, a quarter turn ahead of the
     * robot around it, so that following it circles the fit and hears it from new directions and
     * ranges (standing at it teaches nothing). Null when far from the fit or after
     * {@link #ORBIT_NANOS} around the same spot (then it counts as visited).
     */
    double[] orbit(Pose2D pose, Fit f, long now) {
        double dx = pose.x() - f.x(), dy = pose.y() - f.y(), d = Math.hypot(dx, dy);
        if (d > ORBIT_RADIUS + 0.4) return null;
        if (orbitCentre == null || Math.hypot(orbitCentre[0] - f.x(), orbitCentre[1] - f.y()) > 0.7) {
            orbitCentre = new double[] {f.x(), f.y()};
            orbitSince = now;
        } else if (now - orbitSince > ORBIT_NANOS) {
            visited(f.x(), f.y(), now);
            orbitCentre = null;
            return null;
        }
        double a = (d < 1e-6 ? 0 : Math.atan2(dy, dx)) + Math.toRadians(70);
        return new double[] {f.x() + ORBIT_RADIUS * Math.cos(a), f.y() + ORBIT_RADIUS * Math.sin(a)};
    }

    /** The fit's level at 1 m above the latest chunk's noise floor (dB). */
    double snrAtOneMetre(Fit f) {
        return f.a() - latestFloor;
    }

    private static Fit better(Fit a, Fit b) {
        return a == null || b.cost() < a.cost() ? b : a;
    }

    /** One-sided robust agreement of the samples with a source at (x, y), h above the microphones. */
    private static Fit score(List<double[]> s, double x, double y, double h) {
        int n = s.size();
        double[] q = new double[n], r = new double[n];
        double top1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double[] c = s.get(i);
            double r2 = sq(c[0] - x) + sq(c[1] - y) + h * h;
            r[i] = Math.sqrt(r2);
            q[i] = c[2] + 10 * Math.log10(Math.max(r2, 0.01));
            top1 = Math.max(top1, q[i]);
        }
        // A is near the top of the q values (walls only lower them): try a few levels below the maximum.
        double bestCost = Double.MAX_VALUE, bestA = top1;
        for (double a = top1; a >= top1 - 6; a -= 0.5) {
            double cost = 0;
            for (int i = 0; i < n; i++) {
                double e = q[i] - a;
                cost += e > 0 ? 4 * e * e : Math.min(e * e, WALL_CAP_DB * WALL_CAP_DB);
            }
            if (cost < bestCost) { bestCost = cost; bestA = a; }
        }
        int in = 0;
        double near = Double.MAX_VALUE, far = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(q[i] - bestA) <= INLIER_DB) {
                in++;
                near = Math.min(near, r[i]);
                far = Math.max(far, r[i]);
            }
        }
        return new Fit(x, y, h, bestA, in, n, near, far, bestCost / n);
    }

    private static double sq(double v) {
        return v * v;
    }
}
