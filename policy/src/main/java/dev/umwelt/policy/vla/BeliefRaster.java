package dev.umwelt.policy.vla;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.policy.vla.ModelManifest.BeliefChannel;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.grid.OccupancyGrid;
import dev.umwelt.worldmodel.objects.RememberedObject;
import dev.umwelt.worldmodel.query.Frontier;
import dev.umwelt.worldmodel.query.Waypoint;
import dev.umwelt.worldmodel.sound.SoundSource;

import java.util.Arrays;
import java.util.List;

/**
 * The belief input: an ego-centric crop of the world model, {@code channels x rows x cols} at
 * {@code resolution} m per cell, row 0 farthest ahead (+x), column 0 farthest left (+y), cell
 * (i, j) centred at ego ((rows - 1) / 2 - i, (cols - 1) / 2 - j) x resolution. Values in [0, 1]
 * (policy/README.md, "Inputs", lists the channels):
 * occupied, free, unknown (the grid cell under the cell's centre; outside the grid is unknown);
 * trail (a point of the robot's path in the cell); frontier (a 3x3 blob at each reachable frontier
 * of {@link WorldModel#frontiers()}); target (each remembered object's footprint disk, at least
 * its own cell, painted with the grounding probability of its colour and shape); sound (the
 * localised source as a disk of radius max(cell, its uncertainty), 1); goal (a 3x3 blob at the
 * instruction's point, or the border cell in its direction when it lies outside the crop);
 * loudness (the tone's level heard at each place visited) and source (a disk of radius 0.5 m at
 * the source fitted to those levels, 1 when trusted, 0.5 otherwise), both {@link HeardTone};
 * path (the cells the world model's plan to the instruction's destination crosses, {@link GoalPath}).
 * Overlaps keep the larger value.
 */
final class BeliefRaster {
    private BeliefRaster() {}

    /** Paints {@code x} (zeroed first) for the robot at {@code pose} (map). */
    static void paint(WorldModel world, Pose2D pose, List<BeliefChannel> kinds, int rows, int cols, double res,
                      ModelInputs.Instructed instr, HeardTone tone, float[] x) {
        Arrays.fill(x, 0f);
        Crop crop = new Crop(pose, rows, cols, res, x);
        occupancy(world.grid(), kinds, crop);
        for (int k = 0; k < kinds.size(); k++) {
            int base = k * crop.plane;
            switch (kinds.get(k)) {
                case OCCUPIED, FREE, UNKNOWN -> { } // above, in one pass over the cells
                case TRAIL -> {
                    for (Pose2D p : world.trail()) crop.cell(base, p.x(), p.y(), 1f);
                }
                case FRONTIER -> {
                    for (Frontier f : world.frontiers()) crop.blob(base, f.x(), f.y(), 1f, false);
                }
                case TARGET -> {
                    if (instr == null || instr.grounding() == null) break;
                    for (RememberedObject o : world.objects().objects()) {
                        crop.disk(base, o.x(), o.y(), o.radius(), (float) GoalPath.meant(instr.grounding(), o));
                    }
                }
                case SOUND -> world.sounds().strongest().ifPresent(
                        (SoundSource src) -> crop.disk(base, src.x(), src.y(), Math.max(res, src.uncertainty()), 1f));
                case GOAL -> {
                    if (instr != null && instr.point() != null) crop.blob(base, instr.point()[0], instr.point()[1], 1f, true);
                }
                case LOUDNESS -> {
                    if (tone != null) for (double[] c : tone.levels()) crop.cell(base, c[0], c[1], (float) c[2]);
                }
                case SOURCE -> {
                    double[] s = tone != null ? tone.source() : null;
                    if (s != null) crop.disk(base, s[0], s[1], HeardTone.SOURCE_RADIUS, (float) s[2]);
                }
                case PATH -> GoalPath.of(world, instr, tone).ifPresent(path -> {
                    double x0 = pose.x(), y0 = pose.y();
                    for (Waypoint w : path.waypoints()) {
                        crop.segment(base, x0, y0, w.x(), w.y(), 1f);
                        x0 = w.x();
                        y0 = w.y();
                    }
                });
            }
        }
    }

    /** The occupied, free and unknown channels: the grid cell under each crop cell's centre, looked up once for all three. */
    private static void occupancy(OccupancyGrid g, List<BeliefChannel> kinds, Crop crop) {
        int occupied = kinds.indexOf(BeliefChannel.OCCUPIED), free = kinds.indexOf(BeliefChannel.FREE),
                unknown = kinds.indexOf(BeliefChannel.UNKNOWN);
        if (occupied < 0 && free < 0 && unknown < 0) return;
        int rows = crop.rows, cols = crop.cols;
        for (int i = 0; i < rows; i++) {
            double ex = ((rows - 1) / 2.0 - i) * crop.res;
            for (int j = 0; j < cols; j++) {
                double ey = ((cols - 1) / 2.0 - j) * crop.res;
                int ix = g.cellX(crop.px + crop.c * ex - crop.s * ey), iy = g.cellY(crop.py + crop.s * ex + crop.c * ey);
                int p = i * cols + j;
                if (!g.inGrid(ix, iy)) {
                    if (unknown >= 0) crop.x[unknown * crop.plane + p] = 1f;
                    continue;
                }
                if (occupied >= 0 && g.isOccupied(ix, iy)) crop.x[occupied * crop.plane + p] = 1f;
                if (free >= 0 && g.isFree(ix, iy)) crop.x[free * crop.plane + p] = 1f;
                if (unknown >= 0 && g.isUnknown(ix, iy)) crop.x[unknown * crop.plane + p] = 1f;
            }
        }
    }

    /** Map points to crop cells for one pose. */
    private static final class Crop {
        final double px, py, c, s, res;
        final int rows, cols, plane;
        final float[] x;

        Crop(Pose2D pose, int rows, int cols, double res, float[] x) {
            this.px = pose.x();
            this.py = pose.y();
            this.c = Math.cos(pose.yaw());
            this.s = Math.sin(pose.yaw());
            this.rows = rows;
            this.cols = cols;
            this.plane = rows * cols;
            this.res = res;
            this.x = x;
        }

        /** Fractional row of a map point: (rows - 1) / 2 - ego x / res. */
        double row(double mx, double my) {
            return (rows - 1) / 2.0 - (c * (mx - px) + s * (my - py)) / res;
        }

        double col(double mx, double my) {
            return (cols - 1) / 2.0 - (-s * (mx - px) + c * (my - py)) / res;
        }

        void set(int base, int i, int j, float v) {
            if (i >= 0 && i < rows && j >= 0 && j < cols && x[base + i * cols + j] < v) x[base + i * cols + j] = v;
        }

        /** The cell holding the map point, if in the crop. */
        void cell(int base, double mx, double my, float v) {
            set(base, (int) Math.round(row(mx, my)), (int) Math.round(col(mx, my)), v);
        }

        /** A 3x3 blob on the point's cell; outside the crop nothing, or with {@code border} the border cell towards it. */
        void blob(int base, double mx, double my, float v, boolean border) {
            double r = row(mx, my), q = col(mx, my);
            int i = (int) Math.round(r), j = (int) Math.round(q);
            if (i >= 0 && i < rows && j >= 0 && j < cols) {
                for (int di = -1; di <= 1; di++) for (int dj = -1; dj <= 1; dj++) set(base, i + di, j + dj, v);
            } else if (border) {
                // Along the ray from the crop's centre: scaled onto the outermost ring of cells.
                double ci = (rows - 1) / 2.0, cj = (cols - 1) / 2.0, di = r - ci, dj = q - cj;
                double t = Math.min(di == 0 ? Double.POSITIVE_INFINITY : ci / Math.abs(di), dj == 0 ? Double.POSITIVE_INFINITY : cj / Math.abs(dj));
                set(base, clamp((int) Math.round(ci + t * di), rows), clamp((int) Math.round(cj + t * dj), cols), v);
            }
        }

        /** The cells a segment crosses (sampled every half cell), clipped to the crop. */
        void segment(int base, double x0, double y0, double x1, double y1, float v) {
            int n = (int) Math.ceil(Math.hypot(x1 - x0, y1 - y0) / (res / 2));
            for (int k = 0; k <= n; k++) {
                double t = n == 0 ? 0 : (double) k / n;
                cell(base, x0 + t * (x1 - x0), y0 + t * (y1 - y0), v);
            }
        }

        /** Cells whose centre lies within {@code radius} of the map point, and the point's own cell; clipped to the crop. */
        void disk(int base, double mx, double my, double radius, float v) {
            cell(base, mx, my, v);
            double r = row(mx, my), q = col(mx, my), rc = radius / res;
            int i0 = Math.max(0, (int) Math.floor(r - rc)), i1 = Math.min(rows - 1, (int) Math.ceil(r + rc));
            int j0 = Math.max(0, (int) Math.floor(q - rc)), j1 = Math.min(cols - 1, (int) Math.ceil(q + rc));
            for (int i = i0; i <= i1; i++) {
                for (int j = j0; j <= j1; j++) if ((i - r) * (i - r) + (j - q) * (j - q) <= rc * rc) set(base, i, j, v);
            }
        }

        private static int clamp(int v, int n) {
            return Math.max(0, Math.min(n - 1, v));
        }
    }
}
