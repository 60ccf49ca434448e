package dev.umwelt.worldmodel.sound;

import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.robot.MicrophoneSpec;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.sensors.audio.Bearing;
import dev.umwelt.sensors.audio.GccPhatBearing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where the loudest sound comes from, in {@code map}, from a two-microphone pair over the
 * robot's motion. Not thread-safe.
 *
 * <p>Each chunk loud enough to pass the energy gate gives a lateral angle (GCC-PHAT), which is
 * front-back ambiguous: in {@code map} it is a pair of rays from the pair's midpoint,
 * {@code yaw + broadside + theta} and {@code yaw + broadside + pi - theta}. A static source is
 * triangulated by least squares over the rays of the last {@link #WINDOW_NANOS}: candidates are
 * the intersections of rays of pairs of chunks (all four front/back combinations) plus points
 * along the latest chunk's two rays; each candidate is scored by the robust RMS, over chunks, of
 * the angle to the nearer of the chunk's two rays; the best is refined by Gauss-Newton on the
 * rays it picked. That global search runs every {@link #SEARCH_EVERY} new rays (or when the
 * cached fit breaks down); between searches the cached fit and mirror are only re-refined from
 * where they were, a few trig-free passes over the window (see {@link Triangulation}), which keeps
 * a chunk at tens of microseconds with 300 rays in the window. Only one front/back assignment stays consistent once the robot turns or moves
 * sideways; while a mirror candidate still fits about as well, {@link #needsTurnToDisambiguate()}
 * is true and {@link #strongest()} stays empty.
 *
 * <p>One source: GCC-PHAT locks onto the strongest coherent source of each chunk, so two
 * sounding emitters give mixed rays and a poor fit (reported as a large uncertainty).
 */
public final class SoundSourceMap {
    /** Rays older than this are forgotten (the source is assumed not to move within it). */
    public static final long WINDOW_NANOS = 30_000_000_000L;
    /** Chunks quieter than this (RMS, dB full scale) give nothing; the mic noise floor is ~-90. */
    public static final double MIN_LEVEL_DBFS = -75;
    /** Per-ray angle noise assumed when the fit itself is better (radians, ~1.5 deg). */
    static final double ANGLE_SIGMA = Math.toRadians(1.5);
    static final int MIN_RAYS = 6;
    /** A solution with a position uncertainty above this is not reported (metres). */
    static final double MAX_UNCERTAINTY = 1.5;

    /** New rays between global candidate searches; in between, the cached fit and mirror are tracked. */
    static final int SEARCH_EVERY = 10;
    /** Best coarse candidates refined per search (fit and mirror each). */
    static final int REFINED = 3;

    private final String leftFrame, rightFrame;
    private final double spacing, midX, midY, broadside;
    private final RayWindow rays = new RayWindow();
    private GccPhatBearing gcc;
    private int gccRate;
    private double latestBearing = Double.NaN;
    private SoundSource solved;
    private boolean ambiguous, dirty;
    /** Cached solution and its best rival in another direction, carried between chunks. */
    private double[] fit, mirror;
    private double searchFitCost;
    private int raysSinceSearch;

    public SoundSourceMap(RobotDescription robot) {
        Objects.requireNonNull(robot, "robot");
        List<MicrophoneSpec> mics = robot.microphones();
        if (mics.size() < 2) throw new IllegalArgumentException("robot '" + robot.name() + "' needs two microphones, has " + mics.size());
        MicrophoneSpec l = mics.get(0), r = mics.get(1);
        leftFrame = l.frame();
        rightFrame = r.frame();
        spacing = Math.hypot(l.x() - r.x(), l.y() - r.y());
        midX = (l.x() + r.x()) / 2;
        midY = (l.y() + r.y()) / 2;
        // Lateral angle is positive toward the first microphone; broadside is the pair axis
        // (second -> first) turned clockwise by 90 degrees: straight ahead for left/right mics.
        broadside = Math.atan2(l.y() - r.y(), l.x() - r.x()) - Math.PI / 2;
    }

    public void observe(AudioChunk chunk, Pose2D basePoseInMapAtChunk) {
        long now = chunk.header().stampNanos();
        if (rays.expire(now, WINDOW_NANOS)) dirty = true;
        int li = chunk.channelFrames().indexOf(leftFrame), ri = chunk.channelFrames().indexOf(rightFrame);
        if (li < 0 || ri < 0 || chunk.frames() < 2 * GccPhatBearing.DEFAULT_FRAME) return;
        double level = levelDbfs(chunk, li, ri);
        if (level < MIN_LEVEL_DBFS) return; // silence: nothing, never a random bearing
        if (gcc == null || gccRate != chunk.sampleRate()) {
            gcc = new GccPhatBearing(chunk.sampleRate(), spacing);
            gccRate = chunk.sampleRate();
        }
        Optional<Bearing> b = gcc.estimate(chunk, leftFrame, rightFrame);
        if (b.isEmpty()) return;
        double theta = b.get().lateralRadians();
        Pose2D p = basePoseInMapAtChunk;
        double c = Math.cos(p.yaw()), s = Math.sin(p.yaw());
        double base = p.yaw() + broadside;
        // Near the pair's axis asin stretches the lag error: weight by cos(theta).
        double w = Math.max(0.15, Math.cos(theta));
        rays.add(p.x() + c * midX - s * midY, p.y() + s * midX + c * midY,
                base + theta, base + Math.PI - theta, w, now, level);
        raysSinceSearch++;
        latestBearing = Angles.normalize(base + theta);
        dirty = true;
    }

    /** The best-localised source, empty until the rays triangulate it unambiguously. */
    public Optional<SoundSource> strongest() {
        solve();
        return ambiguous ? Optional.empty() : Optional.ofNullable(solved);
    }

    /** The latest lateral angle as a map-frame direction (the front hypothesis; its mirror is equally likely). */
    public OptionalDouble latestBearing() {
        return Double.isNaN(latestBearing) ? OptionalDouble.empty() : OptionalDouble.of(latestBearing);
    }

    /** True while something is heard but a front/back mirror solution fits as well as the best one. */
    public boolean needsTurnToDisambiguate() {
        solve();
        return rays.size() > 0 && (solved == null || ambiguous);
    }

    public int rayCount() {
        return rays.size();
    }

    private void solve() {
        if (!dirty) return;
        dirty = false;
        solved = null;
        ambiguous = false;
        int n = rays.size();
        if (n < MIN_RAYS) { fit = null; mirror = null; return; }
        RayWindow.Flat f = rays.flat();
        double lx = f.ox[n - 1], ly = f.oy[n - 1];
        double fitCost = Double.NaN, mirrorCost = Double.MAX_VALUE;
        boolean search = fit == null || raysSinceSearch >= SEARCH_EVERY;
        if (!search) {
            // Track: the new rays move a converged fit only a little; one or two Gauss-Newton
            // steps from the cached estimate land where a full search would.
            fit = Triangulation.refine(f, fit[0], fit[1], 3);
            fitCost = Triangulation.cost(f, fit[0], fit[1]);
            if (fitCost > Math.max(1.5 * searchFitCost, 2 * ANGLE_SIGMA)) search = true; // the fit broke down
            else if (mirror != null) {
                double dir = Math.atan2(fit[1] - ly, fit[0] - lx);
                if (!distinct(mirror, lx, ly, dir)) search = true; // the robot moved onto the mirror's line
                else {
                    double[] m = Triangulation.refine(f, mirror[0], mirror[1], 3);
                    if (distinct(m, lx, ly, dir)) mirror = m;
                    mirrorCost = Triangulation.cost(f, mirror[0], mirror[1]);
                }
            }
        }
        if (search) {
            search(f, lx, ly);
            fitCost = Triangulation.cost(f, fit[0], fit[1]);
            searchFitCost = fitCost;
            mirrorCost = mirror == null ? Double.MAX_VALUE : Triangulation.cost(f, mirror[0], mirror[1]);
            raysSinceSearch = 0;
        }
        double noise = Math.max(fitCost, ANGLE_SIGMA);
        ambiguous = mirrorCost < Math.max(2.0 * fitCost, 3 * ANGLE_SIGMA);
        double unc = Triangulation.uncertainty(f, fit[0], fit[1], noise, MIN_RAYS);
        if (!(unc <= MAX_UNCERTAINTY)) return;
        solved = new SoundSource(fit[0], fit[1], unc, rays.levelDb(n - 1), rays.stamp(n - 1), n);
    }

    /**
     * Global search: candidates scored on a subsample of the rays, the best few refined on all
     * of them; the mirror is the best candidate in a clearly different direction from the robot.
     */
    private void search(RayWindow.Flat f, double lx, double ly) {
        List<double[]> cands = Triangulation.candidates(f);
        int stride = Math.max(1, f.n / Triangulation.COARSE_RAYS);
        double[] coarse = new double[cands.size()];
        for (int i = 0; i < coarse.length; i++) coarse[i] = Triangulation.cost(f, cands.get(i)[0], cands.get(i)[1], stride);
        fit = bestRefined(f, cands, coarse, null, lx, ly, 0);
        double dir = Math.atan2(fit[1] - ly, fit[0] - lx);
        mirror = bestRefined(f, cands, coarse, fit, lx, ly, dir);
    }

    /** Of the {@link #REFINED} best candidates (distinct from {@code avoid} when given), the one that refines to the lowest cost. */
    private static double[] bestRefined(RayWindow.Flat f, List<double[]> cands, double[] coarse, double[] avoid,
                                        double lx, double ly, double dir) {
        int[] top = new int[REFINED];
        int k = 0;
        boolean[] taken = new boolean[coarse.length];
        for (; k < REFINED; k++) {
            int bi = -1;
            for (int i = 0; i < coarse.length; i++) {
                if (taken[i] || (avoid != null && !distinct(cands.get(i), lx, ly, dir))) continue;
                if (bi < 0 || coarse[i] < coarse[bi]) bi = i;
            }
            if (bi < 0) break;
            taken[bi] = true;
            top[k] = bi;
        }
        double[] best = null;
        double bestCost = Double.MAX_VALUE;
        for (int t = 0; t < k; t++) {
            double[] c = cands.get(top[t]);
            double[] r = Triangulation.refine(f, c[0], c[1], 8);
            // A mirror that refines into the fit's direction keeps its own spot (it is still a distinct rival).
            if (avoid != null && !distinct(r, lx, ly, dir)) r = c;
            double cost = Triangulation.cost(f, r[0], r[1]);
            if (cost < bestCost) { bestCost = cost; best = r; }
        }
        return best;
    }

    /** At least 30 degrees away from {@code dir}, seen from (lx, ly). */
    private static boolean distinct(double[] p, double lx, double ly, double dir) {
        return Math.abs(Angles.normalize(Math.atan2(p[1] - ly, p[0] - lx) - dir)) >= Math.toRadians(30);
    }

    private static double levelDbfs(AudioChunk chunk, int li, int ri) {
        short[] s = chunk.samples();
        int ch = chunk.channels(), n = chunk.frames();
        double e = 0;
        for (int i = 0; i < n; i++) {
            double a = s[i * ch + li] / 32768.0, b = s[i * ch + ri] / 32768.0;
            e += a * a + b * b;
        }
        return 10 * Math.log10(Math.max(e / (2.0 * n), 1e-20));
    }
}
