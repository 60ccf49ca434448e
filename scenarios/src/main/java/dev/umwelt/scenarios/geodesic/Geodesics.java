package dev.umwelt.scenarios.geodesic;

import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.grid.IntMinHeap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Shortest collision-free paths for a disc robot of radius {@link #inflationRadius()} over a
 * {@link ClearanceGrid}: a cell is free when its clearance is at least that radius.
 *
 * <p>Search is Lazy Theta* (Nash, Koenig and Tovey 2010): A* over 8-connected cells (no corner
 * cutting) whose nodes may take any earlier node in line of sight as parent, so paths bend only
 * at obstacle corners and lengths approach the continuous geodesic (plain 8-connected A*
 * overestimates by up to 8%). A final string-pulling pass removes vertices the search left in.
 * Line of sight walks every cell a segment touches (both neighbours when it passes exactly
 * through a cell corner), so a path never enters a non-free cell.
 *
 * <p>Endpoints are exact: the path starts at {@code from} and ends at {@code to}. An endpoint
 * whose own cell is not free (e.g. a goal closer to a wall than the radius) is snapped to the
 * nearest free cell centre, and the leg from the endpoint to that centre is part of the path
 * and of its length (it crosses inflated space, not necessarily an obstacle).
 *
 * <p>Thread-safe: queries allocate their own working arrays.
 */
public final class Geodesics {
    private static final double SQRT2 = Math.sqrt(2);
    private final ClearanceGrid grid;
    private final double radius;
    private final int w, h;
    private final double res, ox, oy;
    private final boolean[] free;

    public Geodesics(ClearanceGrid grid, double inflationRadius) {
        if (!(inflationRadius >= 0)) throw new IllegalArgumentException("inflation radius must be >= 0: " + inflationRadius);
        if (inflationRadius > grid.cap()) {
            throw new IllegalArgumentException("inflation radius " + inflationRadius + " exceeds the grid's cap " + grid.cap());
        }
        this.grid = grid;
        this.radius = inflationRadius;
        this.w = grid.width();
        this.h = grid.height();
        this.res = grid.resolution();
        this.ox = grid.origin().x();
        this.oy = grid.origin().y();
        this.free = new boolean[w * h];
        for (int iy = 0; iy < h; iy++) {
            for (int ix = 0; ix < w; ix++) free[iy * w + ix] = grid.isFree(ix, iy, inflationRadius);
        }
    }

    public ClearanceGrid grid() { return grid; }

    public double inflationRadius() { return radius; }

    /** Geodesic distance in metres; {@code +Infinity} when no path exists. */
    public double distance(Vec2 from, Vec2 to) {
        return shortestPath(from, to).map(GeodesicPath::length).orElse(Double.POSITIVE_INFINITY);
    }

    /** Whether the straight segment a-b touches only free cells. */
    public boolean lineOfSight(Vec2 a, Vec2 b) {
        return los(a.x(), a.y(), b.x(), b.y());
    }

    public Optional<GeodesicPath> shortestPath(Vec2 from, Vec2 to) {
        int s = nearestFree(from), g = nearestFree(to);
        if (s < 0 || g < 0) return Optional.empty();
        boolean sExact = s == cellOf(from), gExact = g == cellOf(to);
        if (sExact && gExact && lineOfSight(from, to)) return Optional.of(polyline(List.of(from, to)));
        double sx = sExact ? from.x() : cx(s), sy = sExact ? from.y() : cy(s);
        double gx = gExact ? to.x() : cx(g), gy = gExact ? to.y() : cy(g);
        int[] chain = search(s, sx, sy, g, gx, gy, null, 0);
        if (chain == null) return Optional.empty();
        List<Vec2> pts = new ArrayList<>();
        if (!sExact) pts.add(from);
        pts.add(new Vec2(sx, sy));
        for (int k = 1; k < chain.length - 1; k++) pts.add(new Vec2(cx(chain[k]), cy(chain[k])));
        if (chain.length > 1 || gx != sx || gy != sy) pts.add(new Vec2(gx, gy));
        if (!gExact) pts.add(to);
        int lo = sExact ? 0 : 1;
        List<Vec2> pulled = stringPull(pts, lo, pts.size() - (gExact ? 1 : 2));
        return Optional.of(polyline(PathRefiner.refine(pulled, lo, pulled.size() - (gExact ? 1 : 2), this)));
    }

    /**
     * Whether the segment keeps at least {@code radius} of (interpolated) clearance, within
     * {@code tolerance}. Sphere tracing: the clearance is 1-Lipschitz, so from a point with
     * clearance c nothing closer than c - radius can violate it.
     */
    boolean clearSegment(double ax, double ay, double bx, double by, double tolerance) {
        double len = dist(bx - ax, by - ay), limit = radius - tolerance, minStep = res / 8;
        double s = 0;
        while (true) {
            double f = len == 0 ? 0 : s / len;
            double c = grid.clearanceAt(ax + f * (bx - ax), ay + f * (by - ay));
            if (c < limit) return false;
            if (s >= len) return true;
            s = Math.min(len, s + Math.max(minStep, c - limit));
        }
    }

    /**
     * Lazy Theta*; returns the node chain start..goal, or null when the goal is unreachable.
     * With {@code region} null the goal is the cell {@code goal} (its node at gx, gy) and the
     * heuristic the distance to (gx, gy). Otherwise any cell marked in {@code region} is a goal
     * ({@code goal} = -1), and the heuristic {@code max(0, |p - (gx, gy)| - hr)} stays admissible
     * and consistent when the region lies within hr of (gx, gy). For hr = 0 both are identical.
     */
    int[] search(int s, double sx, double sy, int goal, double gx, double gy, boolean[] region, double hr) {
        int n = w * h;
        double[] g = new double[n];
        Arrays.fill(g, Double.POSITIVE_INFINITY);
        int[] parent = new int[n];
        boolean[] closed = new boolean[n];
        // ties by cell index: the expansion order depends on nothing but the map (lazy deletion:
        // keys only decrease, so a node's stale entries pop after it is closed, and are skipped)
        IntMinHeap open = new IntMinHeap(1024, true);
        double[] pos = {s, sx, sy, goal, gx, gy};
        g[s] = 0;
        parent[s] = s;
        open.push(s, Math.max(0, Math.hypot(gx - sx, gy - sy) - hr));
        while (!open.isEmpty()) {
            int u = open.pop();
            if (closed[u]) continue;
            int pu = parent[u];
            if (pu != u && !los(px(pu, pos), py(pu, pos), px(u, pos), py(u, pos))) {
                // The lazy parent is not visible: fall back to the best expanded neighbour.
                double best = Double.POSITIVE_INFINITY;
                for (int d = 0; d < 8; d++) {
                    int v = neighbour(u, d);
                    if (v < 0 || !closed[v]) continue;
                    double c = g[v] + dist(px(v, pos) - px(u, pos), py(v, pos) - py(u, pos));
                    if (c < best) { best = c; pu = v; }
                }
                g[u] = best;
                parent[u] = pu;
            }
            if (region == null ? u == goal : region[u]) return chain(parent, s, u);
            closed[u] = true;
            double gp = g[pu], ppx = px(pu, pos), ppy = py(pu, pos);
            for (int d = 0; d < 8; d++) {
                int v = neighbour(u, d);
                if (v < 0 || closed[v]) continue;
                double vx = px(v, pos), vy = py(v, pos);
                double c = gp + dist(vx - ppx, vy - ppy);
                if (c < g[v]) {
                    g[v] = c;
                    parent[v] = pu;
                    open.push(v, c + Math.max(0, dist(gx - vx, gy - vy) - hr));
                }
            }
        }
        return null;
    }

    // Math.hypot guards against overflow we cannot have here, at several times the cost.
    private static double dist(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }

    private static int[] chain(int[] parent, int s, int goal) {
        int len = 1;
        for (int v = goal; v != s; v = parent[v]) len++;
        int[] out = new int[len];
        int k = len - 1;
        for (int v = goal; v != s; v = parent[v]) out[k--] = v;
        out[0] = s;
        return out;
    }

    private static final int[] DX = {1, -1, 0, 0, 1, 1, -1, -1};
    private static final int[] DY = {0, 0, 1, -1, 1, -1, 1, -1};

    /** The d-th neighbour of u if the move is allowed (free target, no corner cutting), else -1. */
    private int neighbour(int u, int d) {
        int ix = u % w + DX[d], iy = u / w + DY[d];
        if (ix < 0 || iy < 0 || ix >= w || iy >= h) return -1;
        int v = iy * w + ix;
        if (!free[v]) return -1;
        if (d >= 4 && (!free[u + DX[d]] || !free[u + DY[d] * w])) return -1;
        return v;
    }

    // Node positions: cell centres, except the start and goal nodes, which sit at exact endpoints.
    private double px(int v, double[] pos) {
        return v == (int) pos[0] ? pos[1] : v == (int) pos[3] ? pos[4] : cx(v);
    }

    private double py(int v, double[] pos) {
        return v == (int) pos[0] ? pos[2] : v == (int) pos[3] ? pos[5] : cy(v);
    }

    double cx(int v) { return ox + (v % w + 0.5) * res; }
    double cy(int v) { return oy + (v / w + 0.5) * res; }

    int cellOf(Vec2 p) {
        int ix = (int) Math.floor((p.x() - ox) / res), iy = (int) Math.floor((p.y() - oy) / res);
        return ix < 0 || iy < 0 || ix >= w || iy >= h ? -1 : iy * w + ix;
    }

    /** The free cell whose centre is nearest to p (ties: lowest index), or -1 if none is free. */
    int nearestFree(Vec2 p) {
        int c = cellOf(p);
        if (c >= 0 && free[c]) return c;
        int cx0 = Math.max(0, Math.min(w - 1, (int) Math.floor((p.x() - ox) / res)));
        int cy0 = Math.max(0, Math.min(h - 1, (int) Math.floor((p.y() - oy) / res)));
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= Math.max(w, h); k++) {
            if (best >= 0 && (k - 1) * res > Math.sqrt(bestD)) break;
            for (int iy = cy0 - k; iy <= cy0 + k; iy++) {
                if (iy < 0 || iy >= h) continue;
                boolean edgeRow = iy == cy0 - k || iy == cy0 + k;
                for (int ix = cx0 - k; ix <= cx0 + k; ix += edgeRow ? 1 : 2 * k) {
                    if (ix >= 0 && ix < w && free[iy * w + ix]) {
                        int v = iy * w + ix;
                        double dx = cx(v) - p.x(), dy = cy(v) - p.y(), d2 = dx * dx + dy * dy;
                        if (d2 < bestD || (d2 == bestD && v < best)) { bestD = d2; best = v; }
                    }
                    if (k == 0) break;
                }
            }
        }
        return best;
    }

    /** Greedy string pulling between indices lo..hi (inclusive); points outside stay as they are. */
    List<Vec2> stringPull(List<Vec2> pts, int lo, int hi) {
        List<Vec2> out = new ArrayList<>(pts.subList(0, lo + 1));
        int i = lo;
        while (i < hi) {
            int j = hi;
            while (j > i + 1 && !lineOfSight(pts.get(i), pts.get(j))) j--;
            out.add(pts.get(j));
            i = j;
        }
        out.addAll(pts.subList(hi + 1, pts.size()));
        return out;
    }

    static GeodesicPath polyline(List<Vec2> pts) {
        double len = 0;
        for (int i = 1; i < pts.size(); i++) len += pts.get(i - 1).distanceTo(pts.get(i));
        return new GeodesicPath(pts, len);
    }

    /** Walks every cell the segment touches (Amanatides-Woo); both side cells at exact corner crossings. */
    private boolean los(double ax, double ay, double bx, double by) {
        double u0 = (ax - ox) / res, v0 = (ay - oy) / res, u1 = (bx - ox) / res, v1 = (by - oy) / res;
        int ix = (int) Math.floor(u0), iy = (int) Math.floor(v0);
        int ex = (int) Math.floor(u1), ey = (int) Math.floor(v1);
        if (!freeCell(ix, iy)) return false;
        double du = u1 - u0, dv = v1 - v0;
        int sx = du > 0 ? 1 : du < 0 ? -1 : 0, sy = dv > 0 ? 1 : dv < 0 ? -1 : 0;
        double tdx = sx != 0 ? 1 / Math.abs(du) : Double.POSITIVE_INFINITY;
        double tdy = sy != 0 ? 1 / Math.abs(dv) : Double.POSITIVE_INFINITY;
        double tmx = sx > 0 ? (ix + 1 - u0) * tdx : sx < 0 ? (u0 - ix) * tdx : Double.POSITIVE_INFINITY;
        double tmy = sy > 0 ? (iy + 1 - v0) * tdy : sy < 0 ? (v0 - iy) * tdy : Double.POSITIVE_INFINITY;
        int steps = Math.abs(ex - ix) + Math.abs(ey - iy);
        while ((ix != ex || iy != ey) && steps-- >= 0) {
            if (Math.abs(tmx - tmy) < 1e-9) {
                if (!freeCell(ix + sx, iy) || !freeCell(ix, iy + sy)) return false;
                ix += sx; iy += sy; tmx += tdx; tmy += tdy;
                steps--;
            } else if (tmx < tmy) {
                ix += sx; tmx += tdx;
            } else {
                iy += sy; tmy += tdy;
            }
            if (!freeCell(ix, iy)) return false;
        }
        return freeCell(ex, ey);
    }

    boolean freeCell(int ix, int iy) {
        return ix >= 0 && iy >= 0 && ix < w && iy < h && free[iy * w + ix];
    }
}
