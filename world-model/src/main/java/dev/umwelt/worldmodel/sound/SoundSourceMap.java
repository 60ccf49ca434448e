package dev.umwelt.worldmodel.sound;

import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.scenarios.robot.MicrophoneSpec;
import dev.umwelt.scenarios.robot.RobotDescription;
import dev.umwelt.sensors.audio.Bearing;
import dev.umwelt.sensors.audio.GccPhatBearing;

import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * rays it picked. Only one front/back assignment stays consistent once the robot turns or moves
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

    private record Ray(double ox, double oy, double front, double back, double weight, long stamp, double levelDb) {}

    private final String leftFrame, rightFrame;
    private final double spacing, midX, midY, broadside;
    private final ArrayDeque<Ray> rays = new ArrayDeque<>();
    private GccPhatBearing gcc;
    private int gccRate;
    private double latestBearing = Double.NaN;
    private SoundSource solved;
    private boolean ambiguous, dirty;

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
        while (!rays.isEmpty() && now - rays.peekFirst().stamp() > WINDOW_NANOS) { rays.pollFirst(); dirty = true; }
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
        rays.addLast(new Ray(p.x() + c * midX - s * midY, p.y() + s * midX + c * midY,
                Angles.normalize(base + theta), Angles.normalize(base + Math.PI - theta), w, now, level));
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
        return !rays.isEmpty() && (solved == null || ambiguous);
    }

    public int rayCount() {
        return rays.size();
    }

    private void solve() {
        if (!dirty) return;
        dirty = false;
        solved = null;
        ambiguous = false;
        if (rays.size() < MIN_RAYS) return;
        Ray[] r = rays.toArray(new Ray[0]);
        List<double[]> cands = candidates(r);
        double[] costs = new double[cands.size()];
        int bi = -1;
        for (int i = 0; i < costs.length; i++) {
            double[] c = cands.get(i);
            costs[i] = cost(r, c[0], c[1]);
            if (bi < 0 || costs[i] < costs[bi]) bi = i;
        }
        if (bi < 0) return;
        double[] fit = refine(r, cands.get(bi)[0], cands.get(bi)[1]);
        double fitCost = cost(r, fit[0], fit[1]);
        Ray last = r[r.length - 1];
        double dir = Math.atan2(fit[1] - last.oy(), fit[0] - last.ox());
        // The mirror: the best candidate in a clearly different direction from the robot, refined.
        int mi = -1;
        for (int i = 0; i < costs.length; i++) {
            double[] c = cands.get(i);
            if (Math.abs(Angles.normalize(Math.atan2(c[1] - last.oy(), c[0] - last.ox()) - dir)) < Math.toRadians(30)) continue;
            if (mi < 0 || costs[i] < costs[mi]) mi = i;
        }
        double mirrorCost = Double.MAX_VALUE;
        if (mi >= 0) {
            double[] m = refine(r, cands.get(mi)[0], cands.get(mi)[1]);
            boolean distinct = Math.abs(Angles.normalize(Math.atan2(m[1] - last.oy(), m[0] - last.ox()) - dir)) >= Math.toRadians(30);
            mirrorCost = distinct ? cost(r, m[0], m[1]) : costs[mi];
        }
        double noise = Math.max(fitCost, ANGLE_SIGMA);
        ambiguous = mirrorCost < Math.max(2.0 * fitCost, 3 * ANGLE_SIGMA);
        double unc = uncertainty(r, fit[0], fit[1], noise);
        if (!(unc <= MAX_UNCERTAINTY)) return;
        solved = new SoundSource(fit[0], fit[1], unc, last.levelDb(), last.stamp(), r.length);
    }

    private static List<double[]> candidates(Ray[] r) {
        List<double[]> out = new ArrayList<>();
        int n = r.length, step = Math.max(1, n / 24);
        for (int i = 0; i < n; i += step)
            for (int j = i + step; j < n; j += step)
                for (int hi = 0; hi < 2; hi++)
                    for (int hj = 0; hj < 2; hj++) {
                        double[] x = intersect(r[i], hi == 0 ? r[i].front() : r[i].back(), r[j], hj == 0 ? r[j].front() : r[j].back());
                        if (x != null) out.add(x);
                    }
        Ray last = r[n - 1];
        for (double d : new double[] {1, 2, 3, 4, 6, 8})
            for (double a : new double[] {last.front(), last.back()})
                out.add(new double[] {last.ox() + d * Math.cos(a), last.oy() + d * Math.sin(a)});
        return out;
    }

    /** Intersection in front of both rays, within 15 m, of rays that are not nearly parallel. */
    private static double[] intersect(Ray a, double aa, Ray b, double ab) {
        double ax = Math.cos(aa), ay = Math.sin(aa), bx = Math.cos(ab), by = Math.sin(ab);
        double den = ax * by - ay * bx;
        if (Math.abs(den) < Math.sin(Math.toRadians(3))) return null;
        double dx = b.ox() - a.ox(), dy = b.oy() - a.oy();
        double t = (dx * by - dy * bx) / den, u = (dx * ay - dy * ax) / den;
        if (t < 0.2 || u < 0.2 || t > 15 || u > 15) return null;
        return new double[] {a.ox() + t * ax, a.oy() + t * ay};
    }

    /** Weighted RMS of each ray's angle to (x, y) from its nearer hypothesis, errors capped at 10 degrees. */
    private static double cost(Ray[] r, double x, double y) {
        double sum = 0, wsum = 0, cap = Math.toRadians(10);
        for (Ray q : r) {
            double e = residual(q, x, y);
            e = Math.min(Math.abs(e), cap);
            sum += q.weight() * e * e;
            wsum += q.weight();
        }
        return Math.sqrt(sum / wsum);
    }

    private static double residual(Ray q, double x, double y) {
        double a = Math.atan2(y - q.oy(), x - q.ox());
        double ef = Angles.normalize(a - q.front()), eb = Angles.normalize(a - q.back());
        return Math.abs(ef) <= Math.abs(eb) ? ef : eb;
    }

    /** Gauss-Newton on angle residuals (the nearer hypothesis of each ray, outliers beyond 10 deg left out). */
    private static double[] refine(Ray[] r, double x, double y) {
        for (int it = 0; it < 8; it++) {
            double a11 = 0, a12 = 0, a22 = 0, b1 = 0, b2 = 0;
            for (Ray q : r) {
                double e = residual(q, x, y);
                if (Math.abs(e) > Math.toRadians(10)) continue;
                double dx = x - q.ox(), dy = y - q.oy(), d2 = Math.max(dx * dx + dy * dy, 0.01);
                double jx = -dy / d2, jy = dx / d2, w = q.weight();
                a11 += w * jx * jx; a12 += w * jx * jy; a22 += w * jy * jy;
                b1 -= w * jx * e; b2 -= w * jy * e;
            }
            double det = a11 * a22 - a12 * a12;
            if (!(Math.abs(det) > 1e-12)) break;
            double sx = (a22 * b1 - a12 * b2) / det, sy = (a11 * b2 - a12 * b1) / det;
            double len = Math.hypot(sx, sy);
            if (len > 2) { sx *= 2 / len; sy *= 2 / len; }
            x += sx; y += sy;
            if (len < 1e-4) break;
        }
        return new double[] {x, y};
    }

    /** 1-sigma position uncertainty: sqrt of the larger eigenvalue of sigma^2 (J^T W J)^-1. */
    private static double uncertainty(Ray[] r, double x, double y, double sigma) {
        double a11 = 0, a12 = 0, a22 = 0;
        int n = 0;
        for (Ray q : r) {
            if (Math.abs(residual(q, x, y)) > Math.toRadians(10)) continue;
            double dx = x - q.ox(), dy = y - q.oy(), d2 = Math.max(dx * dx + dy * dy, 0.01);
            double jx = -dy / d2, jy = dx / d2, w = q.weight();
            a11 += w * jx * jx; a12 += w * jx * jy; a22 += w * jy * jy;
            n++;
        }
        if (n < MIN_RAYS) return Double.POSITIVE_INFINITY;
        // Consecutive chunks' errors are correlated (same geometry, same noise floor): count the
        // rays as if there were ~n/5 independent ones, so the figure is not overconfident.
        double scale = Math.max(1, n / 5.0) / n;
        a11 *= scale; a12 *= scale; a22 *= scale;
        double tr = a11 + a22, det = a11 * a22 - a12 * a12;
        if (!(det > 1e-12)) return Double.POSITIVE_INFINITY;
        double minEig = tr / 2 - Math.sqrt(Math.max(0, tr * tr / 4 - det));
        return minEig > 0 ? sigma / Math.sqrt(minEig) : Double.POSITIVE_INFINITY;
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
