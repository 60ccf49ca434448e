package dev.umwelt.worldmodel.objects;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.robot.CameraSpec;
import dev.umwelt.bus.appearance.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One frame's objects, lidar-guided: every lidar return inside the camera's view is projected
 * into the image at the height band 0.06..0.22 m (the base of whatever the beam hit, always
 * below the 0.3 m camera), and the band's pixels vote a palette label for that beam. Runs of
 * neighbouring beams with one label and continuous range are segments; each segment is an
 * object candidate with its range for free (no monocular depth guess). Segments that are long
 * and straight are walls (and achromatic ones seen cut by the image edge). Shape comes from the
 * lidar footprint (a straight edge or a corner: BOX; an arc: round) and, for round objects, the
 * silhouette's top profile in the image (flat: CYLINDER, a dome: SPHERE, a peak: CONE); null
 * when the two are inconclusive. Positions are in base_link. Scratch buffers: one per memory.
 */
final class ObjectDetector {
    /**
     * {@code outline}: the footprint's kind (BOX: straight edges, CYLINDER: an arc), null when unsure.
     * {@code top}: what the silhouette alone reads (CYLINDER: a flat top, a box's or a cylinder's;
     * SPHERE: a dome; CONE: an apex), whatever the footprint; null when unread.
     */
    record Sighting(int label, Shape shape, double x, double y, double radius, int beams, Shape outline,
                    double range, Silhouette.Profile profile, Shape top) {}

    private record Beam(int index, double x, double y, double range, int col, int label, double value) {}

    static final double Z_LO = 0.06, Z_HI = 0.22, MAX_RANGE = 7.0;
    /** Lidar beams a segment needs to be a sighting. */
    static final int MIN_BEAMS = 3;
    private final PixelPalette palette;
    private final CameraSpec cam;
    private final Pose2D laserMount;
    private final double noise;
    private byte[] labels = new byte[0];

    ObjectDetector(PixelPalette palette, CameraSpec cam, Pose2D laserMount, double lidarNoise) {
        this.palette = palette;
        this.noise = Math.max(0.003, lidarNoise);
        this.cam = cam;
        this.laserMount = laserMount;
    }

    /** Pixel (col, row) of a base_link point, or null behind the camera. */
    double[] project(double bx, double by, double bz, int width, int height) {
        double cp = Math.cos(cam.pitch()), sp = Math.sin(cam.pitch());
        double dx = bx - cam.x(), dy = by - cam.y(), dz = bz - cam.z();
        double xc = -dy, yc = sp * dx + cp * dz, zf = cp * dx - sp * dz;
        if (zf < 0.05) return null;
        double focal = width / 2.0 / Math.tan(cam.horizontalFov() / 2);
        return new double[] {width / 2.0 + focal * xc / zf - 0.5, height / 2.0 - focal * yc / zf - 0.5};
    }

    List<Sighting> detect(CameraFrame frame, LidarScan scan) {
        int w = frame.width(), h = frame.height();
        labelImage(frame);
        double lightGain = floorGain(frame);
        List<Beam> beams = new ArrayList<>();
        float[] ranges = scan.ranges();
        for (int i = 0; i < ranges.length; i++) {
            double r = ranges[i];
            if (!Double.isFinite(r) || r < scan.rangeMin() || r > MAX_RANGE) continue;
            Pose2D p = beamPoint(scan, i, r);
            double[] lo = project(p.x(), p.y(), Z_LO, w, h), hi = project(p.x(), p.y(), Z_HI, w, h);
            if (lo == null || hi == null) continue;
            int col = (int) Math.round(lo[0]);
            if (col < 0 || col >= w) continue;
            int v0 = Math.max(0, (int) Math.round(hi[1])), v1 = Math.min(h - 1, (int) Math.round(lo[1]));
            if (v1 < v0) continue;
            int[] votes = new int[palette.names.length + 1];
            double[] values = new double[v1 - v0 + 1];
            int n = 0;
            for (int v = v0; v <= v1; v++) {
                int l = labels[v * w + col];
                votes[l + 1]++;
                int c = frame.rgbAt(col, v);
                values[n++] = Math.max(c >> 16 & 255, Math.max(c >> 8 & 255, c & 255));
            }
            int best = 0;
            for (int k = 1; k < votes.length; k++) if (votes[k] > votes[best]) best = k;
            if (best == 0 || votes[best] < 0.6 * n) continue;
            Arrays.sort(values, 0, n);
            beams.add(new Beam(i, p.x(), p.y(), Math.hypot(p.x() - laserMount.x(), p.y() - laserMount.y()), col,
                    best - 1, values[n / 2]));
        }
        beams.sort(Comparator.comparingInt(Beam::col).thenComparingInt(Beam::index));
        List<Sighting> out = new ArrayList<>();
        int start = 0;
        for (int k = 1; k <= beams.size(); k++) {
            if (k < beams.size() && continues(beams.get(k - 1), beams.get(k), ranges.length)) continue;
            List<Beam> seg = beams.subList(start, k);
            start = k;
            if (seg.size() < MIN_BEAMS) continue;
            int shade = shadeOf(seg, lightGain);
            // Walls are white or grey (achromatic, not black by brightness).
            boolean wallColoured = palette.isAchromatic(shade) && shade != palette.black;
            Sighting s = wallPiece(seg, scan, wallColoured) ? null : segment(seg, frame, scan, shade);
            if (s != null) out.add(s);
        }
        return out;
    }

    /**
     * A piece of a longer surface. At an end the scan (all 360 degrees, not only the image) either
     * goes on along the segment's own end direction within {@link #WALL_GAP} (the surface
     * continues), or is nearer than the end (something in front hides where the surface goes), or
     * goes on at an angle (a corner), or jumps farther (background: the end of a free-standing
     * object). Both ends continuing or hidden is a wall piece cut out by a colour or light change,
     * a door jamb or the image border. A wall-coloured (white or grey) segment with one end
     * continuing or joined is a wall piece too (a door jamb, a wall into a room's corner). The
     * price: a grey or white object is not seen where it meets a wall.
     */
    private boolean wallPiece(List<Beam> seg, LidarScan scan, boolean wallColoured) {
        int n = seg.size();
        End a = endOf(seg.get(0), seg.get(Math.min(n - 1, 3)), seg.get(Math.min(n - 1, 1)).index(), scan);
        End b = endOf(seg.get(n - 1), seg.get(Math.max(0, n - 4)), seg.get(Math.max(0, n - 2)).index(), scan);
        if (a != End.FREE && a != End.JOINED && b != End.FREE && b != End.JOINED) return true;
        return wallColoured && (a == End.CONTINUES || a == End.JOINED || b == End.CONTINUES || b == End.JOINED);
    }

    /** How the scan goes on past a segment's end: along its line, nearer (hidden), joined at an angle (a corner), or behind (free). */
    private enum End { CONTINUES, HIDDEN, JOINED, FREE }

    static final double WALL_GAP = 0.3, STRAIGHT_RMS = 0.025, JOIN_GAP = 0.12, JOIN_LENGTH = 0.3;
    /** Metres from which the silhouette may name a shape the footprint does not (measured: boxes read as domes at 0.4-1.2 m). */
    static final double SILHOUETTE_RANGE = 1.1;

    private End endOf(Beam end, Beam inner, int innerIndex, LidarScan scan) {
        float[] ranges = scan.ranges();
        int beams = ranges.length;
        int step = stepAway(end, innerIndex, beams);
        if (step == 0) return End.FREE;
        double dx = end.x() - inner.x(), dy = end.y() - inner.y(), len = Math.hypot(dx, dy);
        if (len < 0.03) return End.FREE;
        dx /= len;
        dy /= len;
        double tol = 0.04 + 3 * noise;
        boolean hidden = false, joined = false, chained = true;
        double px = end.x(), py = end.y();
        for (int k = 1; k <= 40; k++) {
            int i = Math.floorMod(end.index() + step * k, beams);
            double r = ranges[i];
            if (!Double.isFinite(r) || r < scan.rangeMin()) { chained = false; continue; }
            // Right next to the end, a clearly nearer return hides where the surface goes.
            if (k <= 3 && r < end.range() - 0.15) hidden = true;
            Pose2D p = beamPoint(scan, i, r);
            double ex = p.x() - end.x(), ey = p.y() - end.y(), d = Math.hypot(ex, ey);
            // A surface that goes on without a gap for JOIN_LENGTH, in any direction, is joined
            // (a room's corner); an object's own edge beams end in a jump after a few cm.
            chained = chained && Math.hypot(p.x() - px, p.y() - py) < JOIN_GAP;
            if (chained && d > JOIN_LENGTH) joined = true;
            px = p.x();
            py = p.y();
            if (d > WALL_GAP) continue;
            double along = ex * dx + ey * dy, across = Math.abs(ex * dy - ey * dx);
            // Beyond a few cm: the object's own edge beams, whose band missed the colour vote, do not count.
            if (along > 0.1 && across < tol) return End.CONTINUES;
        }
        return hidden ? End.HIDDEN : joined ? End.JOINED : End.FREE;
    }

    /** The segment's palette label; for achromatic ones white, grey or black by their median brightness. */
    private int shadeOf(List<Beam> seg, double lightGain) {
        int label = seg.get(0).label();
        if (!palette.isAchromatic(label)) return label;
        double[] values = new double[seg.size()];
        for (int i = 0; i < values.length; i++) values[i] = seg.get(i).value();
        Arrays.sort(values);
        return palette.achromaticByBrightness(values[values.length / 2], lightGain);
    }

    /** The base_link point of beam {@code i} at range {@code r}. */
    private Pose2D beamPoint(LidarScan scan, int i, double r) {
        return laserMount.compose(new Pose2D(r * Math.cos(scan.angleOf(i)), r * Math.sin(scan.angleOf(i)), 0));
    }

    /** +1 or -1: the beam-index direction leading away from the segment past its {@code end} (0 when undefined). */
    private static int stepAway(Beam end, int innerIndex, int beams) {
        return Integer.signum(Math.floorMod(end.index() - innerIndex + beams / 2, beams) - beams / 2);
    }

    private static boolean continues(Beam a, Beam b, int n) {
        int di = Math.abs(a.index() - b.index());
        di = Math.min(di, n - di);
        // Achromatic pixels share one label; brightness parts a black box from the grey wall behind it.
        return a.label() == b.label() && di <= 2 && Math.abs(a.range() - b.range()) < 0.12 + 0.02 * a.range()
                && Math.abs(a.value() - b.value()) < 0.3 * Math.max(a.value(), b.value()) + 8;
    }

    /** {@code shade}: the segment's label from {@link #shadeOf} (segments of at least 3 beams). */
    private Sighting segment(List<Beam> seg, CameraFrame frame, LidarScan scan, int shade) {
        int n = seg.size();
        int w = frame.width();
        Beam first = seg.get(0), last = seg.get(n - 1);
        double extent = Math.hypot(first.x() - last.x(), first.y() - last.y());
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) { xs[i] = seg.get(i).x(); ys[i] = seg.get(i).y(); }
        double lineRms = Footprint.lineRms(xs, ys, 0, n);
        boolean straight = lineRms < STRAIGHT_RMS;
        boolean achromatic = palette.isAchromatic(first.label());
        boolean atEdge = first.col() <= 1 || last.col() >= w - 2;
        if (straight && extent > 2.4) return null;                       // a wall, whatever its colour
        if (achromatic && (extent > 2.4 || (straight && extent > 1.0) || (atEdge && extent > 0.6))) return null;
        if (extent > 3.0) return null;
        // Cut by the image border, the object goes on in the scan: its whole visible outline (up
        // close often twice what the camera frames) tells an arc from a corner far better.
        Footprint fp = atEdge ? footprintBeyondImage(seg, scan, first.col() <= 1, last.col() >= w - 2) : Footprint.fit(xs, ys, noise);
        Shape footprint = fp.kind();
        Shape shape = footprint;
        // Up close a box's top rises above the camera and perspective makes its middle columns
        // tallest: a dome. The silhouette overrules the footprint only from SILHOUETTE_RANGE on.
        double range = 0;
        for (Beam b : seg) range += b.range();
        range /= n;
        boolean far = range >= SILHOUETTE_RANGE;
        Silhouette.Profile profile = atEdge ? null
                : Silhouette.profile(labels, frame, seg.get(0).col(), seg.get(n - 1).col(), rowsOf(seg, frame), first.label(), achromatic);
        Silhouette.Fit fit = profile == null ? null : Silhouette.fit(profile, frame.height());
        Shape top = Silhouette.roundShape(fit); // what the silhouette alone reads
        if (footprint != null && footprint != Shape.BOX && !atEdge) {
            shape = top;
        } else if (footprint == Shape.BOX && !atEdge) {
            // A peak or a dome in the silhouette overrules the footprint: a short arc of a small
            // ball or cone fits two lines (a corner) about as well as a circle; boxes' tops are flat.
            // Near boxes read as domes a little taller than wide (hw 2.2-2.4 measured): only a
            // ball's proportions overrule a corner.
            if (top == Shape.CONE || top == Shape.SPHERE) shape = far && (top == Shape.CONE || fit.heightPerHalfWidth() <= 2.1) ? top : null;
        } else if (atEdge) {
            shape = footprint == Shape.BOX ? Shape.BOX : null;
        } else {
            // The footprint cannot tell a short arc from a corner: a dome or a peak in the
            // silhouette still names the shape (a box's top, like a cylinder's, is flat).
            if (far && (top == Shape.CONE || top == Shape.SPHERE)) shape = top;
        }
        // Centre: the fitted circle for round footprints; otherwise the visible surface pushed
        // back along the line of sight by about half the visible width.
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += xs[i]; my += ys[i]; }
        mx /= n; my /= n;
        double radius, cx, cy;
        if (footprint != null && footprint != Shape.BOX && fp.radius() > 0) {
            radius = fp.radius();
            cx = fp.cx();
            cy = fp.cy();
        } else {
            radius = Math.max(0.1, Math.min(1.5, extent / 2));
            double push = Math.min(0.5, radius * (footprint == Shape.BOX ? 0.75 : 0.8));
            double dx = mx - laserMount.x(), dy = my - laserMount.y(), d = Math.hypot(dx, dy);
            cx = mx + push * dx / d;
            cy = my + push * dy / d;
        }
        return new Sighting(shade, shape, cx, cy, radius, n, footprint, range, profile, top);
    }

    /**
     * The footprint of a segment extended, at an end cut by the image border, by the scan's
     * following beams while their range is continuous (at most {@link #OUTLINE_EXTENSION} beams).
     */
    private Footprint footprintBeyondImage(List<Beam> seg, LidarScan scan, boolean firstCut, boolean lastCut) {
        int n = seg.size(), beams = scan.ranges().length;
        List<double[]> pts = new ArrayList<>();
        if (firstCut) extend(seg.get(0), seg.get(Math.min(n - 1, 1)).index(), scan, pts);
        java.util.Collections.reverse(pts);
        for (Beam b : seg) pts.add(new double[] {b.x(), b.y()});
        if (lastCut) extend(seg.get(n - 1), seg.get(Math.max(0, n - 2)).index(), scan, pts);
        double[] xs = new double[pts.size()], ys = new double[pts.size()];
        for (int i = 0; i < xs.length; i++) { xs[i] = pts.get(i)[0]; ys[i] = pts.get(i)[1]; }
        return Footprint.fit(xs, ys, noise);
    }

    static final int OUTLINE_EXTENSION = 40;

    private void extend(Beam end, int innerIndex, LidarScan scan, List<double[]> out) {
        float[] ranges = scan.ranges();
        int beams = ranges.length;
        int step = stepAway(end, innerIndex, beams);
        if (step == 0) return;
        double prev = end.range();
        for (int k = 1; k <= OUTLINE_EXTENSION; k++) {
            int i = Math.floorMod(end.index() + step * k, beams);
            double r = ranges[i];
            if (!Double.isFinite(r) || r < scan.rangeMin() || Math.abs(r - prev) > 0.05 + 0.02 * prev) return;
            Pose2D p = beamPoint(scan, i, r);
            out.add(new double[] {p.x(), p.y()});
            prev = r;
        }
    }

    /** The band's middle row at each beam column (where the object's base surely is). */
    private int[] rowsOf(List<Beam> seg, CameraFrame frame) {
        int[] rows = new int[seg.size()];
        for (int i = 0; i < seg.size(); i++) {
            Beam b = seg.get(i);
            double[] p = project(b.x(), b.y(), (Z_LO + Z_HI) / 2, frame.width(), frame.height());
            rows[i] = p == null ? frame.height() - 1 : Math.max(0, Math.min(frame.height() - 1, (int) Math.round(p[1])));
        }
        return rows;
    }

    private void labelImage(CameraFrame frame) {
        int n = frame.width() * frame.height();
        if (labels.length != n) labels = new byte[n];
        byte[] rgb = frame.rgb();
        for (int i = 0, j = 0; i < n; i++, j += 3) {
            labels[i] = (byte) palette.label(rgb[j] & 255, rgb[j + 1] & 255, rgb[j + 2] & 255);
        }
    }

    /**
     * Light level from the bottom rows (the floor right in front of the robot), relative to the
     * plain style's floor there; randomized floors differ by +-12% per channel, so this is rough.
     */
    private static double floorGain(CameraFrame frame) {
        int w = frame.width(), h = frame.height();
        int rows = Math.max(1, h / 12);
        double[] v = new double[rows * w];
        int n = 0;
        for (int y = h - rows; y < h; y++)
            for (int x = 0; x < w; x++) {
                int c = frame.rgbAt(x, y);
                v[n++] = Math.max(c >> 16 & 255, Math.max(c >> 8 & 255, c & 255));
            }
        Arrays.sort(v, 0, n);
        // The plain style lights the floor at ambient 0.75 + diffuse 0.35 * sin(elevation ~64 deg) ~ 1.06.
        double plainFloor = 134 * 1.06;
        return Math.max(0.55, Math.min(1.6, v[n / 2] / plainFloor));
    }
}
