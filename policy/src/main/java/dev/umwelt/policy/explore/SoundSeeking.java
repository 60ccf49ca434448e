package dev.umwelt.policy.explore;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.observation.Observation;

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
public final class SoundSeeking {
    /** Metres: the side of the cells samples are kept per (the loudest chunk in each). */
    static final double CELL = 0.25;
    /*
     * The thresholds are ExplorerConfig's. minSnrAtOneMetre: a fit whose level at 1 m stands less than
     * this above the noise floor was fitted to samples heard through a wall. Generated scenes put the
     * noise 15..25 dB below the emitter's 1 m level, and the tone's bin gains ~26 dB over the broadband
     * floor here (measured: 41, 46, 51 dB in line of sight for SNR 15, 20, 25; 23 for a fit behind a
     * wall at SNR 15); a wall costs 15 dB.
     */
    private final ExplorerConfig config;
    private final double inlierDb, wallCapDb;
    private final long visitedNanos, orbitNanos;
    static final long FIT_EVERY_NANOS = 1_000_000_000L;
    private static final double[] HEIGHTS = {0.1, 0.6, 1.2};

    private final ToneLevel tone = new ToneLevel();
    private final Map<Long, double[]> cells = new HashMap<>(); // cell key -> {x, y, level}
    private long lastFit = Long.MIN_VALUE;
    private double[] loudestAt;
    private double loudest = Double.NEGATIVE_INFINITY, latestLevel = Double.NEGATIVE_INFINITY, latestFloor = Double.NaN;
    private double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    /** The latest fit: x, y, height offset, A, inliers, nearest inlier range, farthest inlier range; null before one. */
    private Fit fit;
    private final List<double[]> visited = new ArrayList<>();
    private double[] orbitCentre;
    private long orbitSince;

    /** With the measured defaults (the VLA's hearing uses these). */
    public SoundSeeking() {
        this(ExplorerConfig.DEFAULTS);
    }

    public SoundSeeking(ExplorerConfig config) {
        this.config = config;
        this.inlierDb = config.inlierDb();
        this.wallCapDb = config.wallCapDb();
        this.visitedNanos = ExplorerConfig.nanos(config.visitedSeconds());
        this.orbitNanos = ExplorerConfig.nanos(config.orbitSeconds());
    }

    /**
     * widestGap: the widest angle (radians) between the bearings of consecutive inliers seen from
     * (x, y); below {@code enclosedGap} the samples surround the fit. rival: the lowest mean cost
     * of a coarse candidate at least {@code rivalDistance} from (x, y), at any height (ExplorerConfig).
     */
    public record Fit(double x, double y, double height, double a, int inliers, int samples, double nearest, double farthest, double cost,
               double widestGap, double rival) {
        Fit with(double g, double r) {
            return new Fit(x, y, height, a, inliers, samples, nearest, farthest, cost, g, r);
        }

        /** Squared distance from the source to microphones at (px, py). */
        double rangeSquared(double px, double py) {
            return sq(px - x) + sq(py - y) + sq(height);
        }

        /** Range is observable from the 1/r slope: in-line-of-sight samples span {@code rangeSpan} (2.5x) in distance. */
        boolean rangeSpanned(ExplorerConfig c) {
            return farthest >= c.rangeSpan() * Math.max(nearest, 0.5);
        }

        /**
         * Heard from all round: a source outside the samples would make them fall off from one
         * side to the other, so agreement all round pins it even where the range span cannot
         * (a source high above the floor is never nearer than its height).
         */
        boolean enclosed(ExplorerConfig c) {
            return widestGap <= Math.toRadians(c.enclosedGap());
        }

        /**
         * No source {@code rivalDistance} or more away explains the samples nearly as well. Levels
         * heard through a wall fall off gently across a room, like those of a source high overhead:
         * both fit, and only this tells them apart (val: 11 of 12 wrong STOPs had a rival within 3x).
         */
        boolean unrivalled(ExplorerConfig c) {
            return rival >= c.rivalRatio() * cost && rival >= cost + c.rivalMargin();
        }
    }

    /** Takes this tick's audio chunk (if new) as a sample at the robot's pose. */
    public void update(Observation obs, Pose2D pose) {
        if (!tone.measureNew(obs) || tone.snrDb() < config.minToneSnr()) return;
        double level = tone.level();
        latestLevel = level;
        latestFloor = level - tone.snrDb();
        long key = ToneLevel.cellKey(pose.x(), pose.y(), CELL);
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
        for (double[] c : cells.values()) if (c[2] >= loudest - config.keepBelowLoudest()) s.add(c);
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
        for (Fit c : coarse) if (Math.hypot(c.x() - best.x(), c.y() - best.y()) >= config.rivalDistance()) rival = Math.min(rival, c.cost());
        return fit = best.with(widestGap(s, best), rival);
    }

    /**
     * True when the fit can be trusted enough to STOP at it: most samples agree with it, its place
     * is pinned (in-line-of-sight ranges span 2.5x, or the samples surround it), no place 1.5 m or
     * more away explains them nearly as well, it is not heard only through a wall, and the tone
     * here is as loud as the fit predicts. The loudest chunk is not required here: it was often
     * heard nearer the source than the approach's stand-off, which then never confirmed.
     */
    boolean confirmedAt(Pose2D pose, Fit f) {
        if (!trusted(f)) return false;
        return Math.abs(atOneMetre(latestLevel, f.rangeSquared(pose.x(), pose.y())) - f.a()) <= inlierDb + 1.0;
    }

    /** Everything {@link #confirmedAt} asks of the fit itself, wherever the robot is. */
    public boolean trusted(Fit f) {
        return f != null && f.inliers() >= config.minInliers() && f.inliers() >= config.minInlierFraction() * f.samples()
                && f.cost() <= config.maxFitCost() && (f.rangeSpanned(config) || f.enclosed(config)) && f.unrivalled(config)
                && snrAtOneMetre(f) >= config.minSnrAtOneMetre();
    }

    /** The robot reached an unconfirmed fit here: ignore fits near it for {@code visitedSeconds} while more is heard elsewhere. */
    void visited(double x, double y, long now) {
        visited.add(new double[] {x, y, now});
    }

    boolean recentlyVisited(double x, double y, long now) {
        for (double[] v : visited) if (now - (long) v[2] < visitedNanos && Math.hypot(v[0] - x, v[1] - y) < 0.7) return true;
        return false;
    }

    /** Whether the straight segment between two points crosses no wall the robot has mapped. */
    interface Sight {
        boolean clear(double x0, double y0, double x1, double y1);
    }

    /**
     * Near an unconfirmed fit: a point {@code orbitRadius} from it, a turn of 70 degrees or more
     * ahead of the robot around it, so that following it circles the fit and hears it from new
     * directions and ranges (standing at it teaches nothing). The point must be in sight of the fit,
     * and so must the robot: circling through a wall hears the fit only through that wall. Null when
     * far from the fit, out of its sight, or after {@code orbitSeconds} around the same spot (then it
     * counts as visited).
     */
    double[] orbit(Pose2D pose, Fit f, long now, Sight sight) {
        double dx = pose.x() - f.x(), dy = pose.y() - f.y(), d = Math.hypot(dx, dy);
        if (d > config.orbitRadius() + 0.4 || !inSight(f, pose.x(), pose.y(), sight)) return null;
        if (orbitCentre == null || Math.hypot(orbitCentre[0] - f.x(), orbitCentre[1] - f.y()) > 0.7) {
            orbitCentre = new double[] {f.x(), f.y()};
            orbitSince = now;
        } else if (now - orbitSince > orbitNanos) {
            visited(f.x(), f.y(), now);
            orbitCentre = null;
            return null;
        }
        double here = d < 1e-6 ? 0 : Math.atan2(dy, dx);
        for (int ahead = 70; ahead <= 160; ahead += 30) {
            double a = here + Math.toRadians(ahead);
            double ox = f.x() + config.orbitRadius() * Math.cos(a), oy = f.y() + config.orbitRadius() * Math.sin(a);
            if (inSight(f, ox, oy, sight)) return new double[] {ox, oy};
        }
        return null;
    }

    /**
     * Whether (x, y) sees the fit; the first {@link #SOURCE_BODY} m from the fit are not checked, as
     * an emitter often stands on furniture the grid marks occupied.
     */
    private static boolean inSight(Fit f, double x, double y, Sight sight) {
        double d = Math.hypot(x - f.x(), y - f.y());
        if (d <= SOURCE_BODY) return true;
        double k = SOURCE_BODY / d;
        return sight.clear(f.x() + k * (x - f.x()), f.y() + k * (y - f.y()), x, y);
    }

    static final double SOURCE_BODY = 0.4;

    /** The fit's level at 1 m above the latest chunk's noise floor (dB). */
    double snrAtOneMetre(Fit f) {
        return f.a() - latestFloor;
    }

    private static Fit better(Fit a, Fit b) {
        return a == null || b.cost() < a.cost() ? b : a;
    }

    /** The widest angle between consecutive inliers' bearings from the fit (2 pi with fewer than two). */
    private double widestGap(List<double[]> s, Fit f) {
        List<Double> bearings = new ArrayList<>();
        for (double[] c : s) {
            if (Math.abs(atOneMetre(c[2], f.rangeSquared(c[0], c[1])) - f.a()) <= inlierDb)
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
        for (double a = top1; a >= top1 - 6; a -= 0.5) {
            double cost = 0;
            for (int i = 0; i < n; i++) {
                double e = q[i] - a;
                cost += e > 0 ? 4 * e * e : Math.min(e * e, wallCapDb * wallCapDb);
            }
            if (cost < bestCost) { bestCost = cost; bestA = a; }
        }
        int in = 0;
        double near = Double.MAX_VALUE, far = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(q[i] - bestA) <= inlierDb) {
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
