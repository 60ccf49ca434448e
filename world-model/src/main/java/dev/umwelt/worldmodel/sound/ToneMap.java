package dev.umwelt.worldmodel.sound;

import dev.umwelt.bus.Pose2D;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the tone comes from, from how loud it is at the places the robot has been: the world
 * model's level map, which the explorer, the VLA and the Belief all read. Bearings from the 0.2 m
 * microphone pair ({@link SoundSourceMap}) are front/back ambiguous and, for tones above ~857 Hz
 * (most generated emitters), spatially aliased, so this fits the source to levels instead: in the
 * simulator's free field a source of unknown level A (dB at 1 m) is heard at
 * {@code A - 20 log10 r - 15 dB per wall}. Every place the robot heard the tone (a 0.25 m cell, the
 * loudest chunk there) gives q = level + 20 log10 r for a candidate position; at the true position
 * the samples in line of sight share q = A and those behind walls fall below it, never above. A
 * grid search over candidate positions (and the emitter's unknown height above the microphones)
 * scores that one-sided agreement. Whether a fit is good enough to act on is the policy's call
 * ({@link Fit}'s tests take its thresholds). Not thread-safe.
 */
public final class ToneMap {
    /** Metres: the side of the cells samples are kept per (the loudest chunk in each). */
    public static final double CELL = 0.25;
    /** A fit is refreshed at most this often (robot time), so that whoever asks, it is fitted at the same ticks. */
    public static final long FIT_EVERY_NANOS = 1_000_000_000L;
    private static final double[] HEIGHTS = {0.1, 0.6, 1.2};

    /**
     * How samples are kept and fitted.
     *
     * @param minToneSnr       dB: a chunk whose tone stands less above its own noise floor is no sample
     * @param keepBelowLoudest dB: samples more than this below the loudest are left out of the fit
     * @param inlierDb         dB: a sample within this of the fit's prediction is an inlier
     * @param wallCapDb        dB: the cost of a sample below the fit is capped at this squared (walls only lower levels)
     * @param rivalDistance    m: a rival fit is at least this far from the fit
     */
    public record Settings(double minToneSnr, double keepBelowLoudest, double inlierDb, double wallCapDb, double rivalDistance) {
        /** The values the explorer was measured with (policy/README.md, AudioGoal). */
        public static final Settings DEFAULTS = new Settings(12, 12, 2.0, 3.0, 1.5);
    }

    /**
     * A source fitted to the samples: x, y, its height above the microphones, A (dB at 1 m),
     * inliers of samples, the nearest and farthest inlier range, the mean cost. widestGap: the
     * widest angle (radians) between the bearings of consecutive inliers seen from (x, y). rival:
     * the lowest mean cost of a coarse candidate at least {@code rivalDistance} from (x, y), at any height.
     */
    public record Fit(double x, double y, double height, double a, int inliers, int samples, double nearest, double farthest,
                      double cost, double widestGap, double rival) {
        Fit with(double g, double r) {
            return new Fit(x, y, height, a, inliers, samples, nearest, farthest, cost, g, r);
        }

        /** Squared distance from the source to microphones at (px, py). */
        public double rangeSquared(double px, double py) {
            return sq(px - x) + sq(py - y) + sq(height);
        }

        /** Range is observable from the 1/r slope: in-line-of-sight samples span {@code rangeSpan} in distance. */
        public boolean rangeSpanned(double rangeSpan) {
            return farthest >= rangeSpan * Math.max(nearest, 0.5);
        }

        /**
         * Heard from all round: a source outside the samples would make them fall off from one
         * side to the other, so agreement all round pins it even where the range span cannot
         * (a source high above the floor is never nearer than its height).
         */
        public boolean enclosed(double enclosedGapDegrees) {
            return widestGap <= Math.toRadians(enclosedGapDegrees);
        }

        /**
         * No source {@code rivalDistance} or more away explains the samples nearly as well. Levels
         * heard through a wall fall off gently across a room, like those of a source high overhead:
         * both fit, and only this tells them apart (val: 11 of 12 wrong STOPs had a rival within 3x).
         */
        public boolean unrivalled(double rivalRatio, double rivalMargin) {
            return rival >= rivalRatio * cost && rival >= cost + rivalMargin;
        }
    }

    private final Settings settings;
    private final Map<Long, double[]> cells = new HashMap<>(); // cell key -> {x, y, level}
    private long lastFit = Long.MIN_VALUE;
    private double[] loudestAt;
    private double loudest = Double.NEGATIVE_INFINITY, latestLevel = Double.NEGATIVE_INFINITY, latestFloor = Double.NaN;
    private double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    private Fit fit;
    private long lastKeptNanos = Long.MIN_VALUE;

    public ToneMap(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * One chunk's tone ({@link ToneLevel}), stamped {@code stampNanos}, as heard at {@code pose} (map);
     * kept when it stands {@code minToneSnr} above its floor.
     */
    public void observe(double level, double snrDb, Pose2D pose, long stampNanos) {
        if (snrDb < settings.minToneSnr()) return;
        lastKeptNanos = stampNanos;
        latestLevel = level;
        latestFloor = level - snrDb;
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

    public boolean heard() {
        return !cells.isEmpty();
    }

    /**
     * Each place the tone was heard as {x, y, value in [0, 1]}: its loudest level there relative
     * to the loudest heard anywhere, 1 there, falling linearly to 0 at {@code spanDb} below (the
     * VLA's loudness channel). The order is unspecified; painters combine by maximum.
     */
    public List<double[]> relativeLevels(double spanDb) {
        List<double[]> out = new ArrayList<>(cells.size());
        for (double[] c : cells.values()) out.add(new double[] {c[0], c[1], Math.max(0, Math.min(1, 1 + (c[2] - loudest) / spanDb))});
        return out;
    }

    /** Where the loudest sample was heard {x, y}, or null. */
    public double[] loudestAt() {
        return loudestAt;
    }

    public double loudest() {
        return loudest;
    }

    /** The latest kept chunk's tone level (dB). */
    public double latestLevel() {
        return latestLevel;
    }

    /** How far apart the places the tone was heard are (metres, bounding-box diagonal). */
    public double spread() {
        return cells.isEmpty() ? 0 : Math.hypot(maxX - minX, maxY - minY);
    }

    /** The latest fit as it stands, without refitting (null before one): for watching what the robot believes. */
    public Fit latest() {
        return fit;
    }

    /** The current fit, refreshed at most every {@link #FIT_EVERY_NANOS}; null until the samples span 1 m. */
    public Fit fit(long now) {
        if (now - lastFit < FIT_EVERY_NANOS && fit != null) return fit;
        lastFit = now;
        if (cells.size() < 5 || spread() < 1.0) return fit = null;
        // Samples far below the loudest are most likely behind walls: they only blur the fit.
        List<double[]> s = new ArrayList<>();
        for (double[] c : cells.values()) if (c[2] >= loudest - settings.keepBelowLoudest()) s.add(c);
        if (s.size() < 5) return fit = null;
        double m = 8.0;
        Fit best = null;
        List<Fit> coarse = new ArrayList<>();
        for (double x = minX - m; x <= maxX + m; x += 0.4)
            for (double y = minY - m; y <= maxY + m; y += 0.4)
                for (double h : HEIGHTS) {
                    Fit c = score(s, x, y, h);
                    coarse.add(c);
                    best = better(best, c);
                }
        double bx = best.x(), by = best.y();
        for (double x = bx - 0.4; x <= bx + 0.4; x += 0.1)
            for (double y = by - 0.4; y <= by + 0.4; y += 0.1)
                for (double h : HEIGHTS) best = better(best, score(s, x, y, h));
        double rival = Double.MAX_VALUE;
        for (Fit c : coarse) if (Math.hypot(c.x() - best.x(), c.y() - best.y()) >= settings.rivalDistance()) rival = Math.min(rival, c.cost());
        return fit = best.with(widestGap(s, best), rival);
    }

    /** Nominal position uncertainty of a fit for pictures and the Belief (m): the fit has no variance; the VLA paints this disc. */
    public static final double NOMINAL_UNCERTAINTY = 0.5;

    /**
     * The latest fit as a source for the Belief and {@code map.png} (level: dB at 1 m; bearings 0: fitted
     * to levels, not bearings); empty before one. Reading it refits nothing.
     */
    public java.util.Optional<SoundSource> latestSource() {
        return fit == null ? java.util.Optional.empty()
                : java.util.Optional.of(new SoundSource(fit.x(), fit.y(), NOMINAL_UNCERTAINTY, fit.a(), lastKeptNanos, 0));
    }

    /** The fit's level at 1 m above the latest chunk's noise floor (dB). */
    public double snrAtOneMetre(Fit f) {
        return f.a() - latestFloor;
    }

    /** Whether the latest chunk, heard at (x, y), is as loud as {@code f} predicts there (within {@code toleranceDb}). */
    public boolean agreesHere(Fit f, double x, double y, double toleranceDb) {
        return Math.abs(atOneMetre(latestLevel, f.rangeSquared(x, y)) - f.a()) <= toleranceDb;
    }

    private static Fit better(Fit a, Fit b) {
        return a == null || b.cost() < a.cost() ? b : a;
    }

    /** The widest angle between consecutive inliers' bearings from the fit (2 pi with fewer than two). */
    private double widestGap(List<double[]> s, Fit f) {
        List<Double> bearings = new ArrayList<>();
        for (double[] c : s) {
            if (Math.abs(atOneMetre(c[2], f.rangeSquared(c[0], c[1])) - f.a()) <= settings.inlierDb())
                bearings.add(Math.atan2(c[1] - f.y(), c[0] - f.x()));
        }
        if (bearings.size() < 2) return 2 * Math.PI;
        bearings.sort(null);
        double widest = 2 * Math.PI - (bearings.get(bearings.size() - 1) - bearings.get(0));
        for (int i = 1; i < bearings.size(); i++) widest = Math.max(widest, bearings.get(i) - bearings.get(i - 1));
        return widest;
    }

    /** One-sided robust agreement of the samples with a source at (x, y), h above the microphones. */
    private Fit score(List<double[]> s, double x, double y, double h) {
        int n = s.size();
        double[] q = new double[n], r = new double[n];
        double top1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double[] c = s.get(i);
            double r2 = sq(c[0] - x) + sq(c[1] - y) + h * h;
            r[i] = Math.sqrt(r2);
            q[i] = atOneMetre(c[2], r2);
            top1 = Math.max(top1, q[i]);
        }
        // A is near the top of the q values (walls only lower them): try a few levels below the maximum.
        double bestCost = Double.MAX_VALUE, bestA = top1;
        double cap = settings.wallCapDb() * settings.wallCapDb();
        for (double a = top1; a >= top1 - 6; a -= 0.5) {
            double cost = 0;
            for (int i = 0; i < n; i++) {
                double e = q[i] - a;
                cost += e > 0 ? 4 * e * e : Math.min(e * e, cap);
            }
            if (cost < bestCost) { bestCost = cost; bestA = a; }
        }
        int in = 0;
        double near = Double.MAX_VALUE, far = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(q[i] - bestA) <= settings.inlierDb()) {
                in++;
                near = Math.min(near, r[i]);
                far = Math.max(far, r[i]);
            }
        }
        return new Fit(x, y, h, bestA, in, n, near, far, bestCost / n, Double.NaN, Double.NaN);
    }

    /** A level heard at squared range r2 brought to 1 m under the 1/r law: q = level + 20 log10 r. */
    private static double atOneMetre(double level, double r2) {
        return level + 10 * Math.log10(Math.max(r2, 0.01));
    }

    private static double sq(double v) {
        return v * v;
    }
}
