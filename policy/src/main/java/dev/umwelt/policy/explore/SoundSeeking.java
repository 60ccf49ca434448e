package dev.umwelt.policy.explore;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.worldmodel.sound.ToneMap;
import dev.umwelt.worldmodel.sound.ToneMap.Fit;

import java.util.ArrayList;
import java.util.List;

/**
 * AudioGoal: what the explorer makes of the world model's {@link ToneMap} (the tone's levels where
 * the robot has been, and the source fitted to them): whether a fit can be trusted enough to STOP at,
 * where to circle an unconfirmed one, which fits were visited and set aside. The hearing itself (one
 * analysis per chunk, the samples, the fit) is the world model's, so the Belief, the VLA and this
 * class read the same source. Not thread-safe.
 */
public final class SoundSeeking {
    /*
     * The thresholds are ExplorerConfig's. minSnrAtOneMetre: a fit whose level at 1 m stands less than
     * this above the noise floor was fitted to samples heard through a wall. Generated scenes put the
     * noise 15..25 dB below the emitter's 1 m level, and the tone's bin gains ~26 dB over the broadband
     * floor here (measured: 41, 46, 51 dB in line of sight for SNR 15, 20, 25; 23 for a fit behind a
     * wall at SNR 15); a wall costs 15 dB.
     */
    private final ExplorerConfig config;
    private final ToneMap tones;
    private final long visitedNanos, orbitNanos;
    private final List<double[]> visited = new ArrayList<>();
    private double[] orbitCentre;
    private long orbitSince;

    /** With the measured defaults, over {@code tones} (the VLA's hearing uses these). */
    public SoundSeeking(ToneMap tones) {
        this(ExplorerConfig.DEFAULTS, tones);
    }

    public SoundSeeking(ExplorerConfig config, ToneMap tones) {
        this.config = config;
        this.tones = tones;
        this.visitedNanos = ExplorerConfig.nanos(config.visitedSeconds());
        this.orbitNanos = ExplorerConfig.nanos(config.orbitSeconds());
    }

    boolean heard() {
        return tones.heard();
    }

    /** Each place the tone was heard as {x, y, value in [0, 1]} ({@link ToneMap#relativeLevels}). */
    public List<double[]> relativeLevels(double spanDb) {
        return tones.relativeLevels(spanDb);
    }

    double[] loudestAt() {
        return tones.loudestAt();
    }

    double loudest() {
        return tones.loudest();
    }

    double spread() {
        return tones.spread();
    }

    /** The latest fit as it stands, without refitting (null before one): for watching what the robot believes. */
    public Fit latest() {
        return tones.latest();
    }

    /** The current fit ({@link ToneMap#fit}); null until the samples span 1 m. */
    public Fit fit(long now) {
        return tones.fit(now);
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
        return tones.agreesHere(f, pose.x(), pose.y(), tones.settings().inlierDb() + 1.0);
    }

    /** Everything {@link #confirmedAt} asks of the fit itself, wherever the robot is. */
    public boolean trusted(Fit f) {
        return f != null && f.inliers() >= config.minInliers() && f.inliers() >= config.minInlierFraction() * f.samples()
                && f.cost() <= config.maxFitCost() && (f.rangeSpanned(config.rangeSpan()) || f.enclosed(config.enclosedGap()))
                && f.unrivalled(config.rivalRatio(), config.rivalMargin()) && tones.snrAtOneMetre(f) >= config.minSnrAtOneMetre();
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
        return tones.snrAtOneMetre(f);
    }
}
