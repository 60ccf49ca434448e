package dev.umwelt.policy.vla;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.policy.vla.ModelManifest.BeliefChannel;
import dev.umwelt.policy.vla.ModelManifest.Input;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.grid.OccupancyGrid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one query's input tensors (batch axis left out, row-major) from the observation, the
 * instruction's embedding and the world model, as the manifest declares them. The trainer's
 * exporter must prepare its data the same way (policy/README.md, "Inputs"):
 * <ul>
 * <li>camera [3, H, W]: the frame box-averaged down to W x H, channels R, G, B in [0, 1], then
 * normalized;
 * <li>lidar [N] or [1, N]: ranges in metres, beam 0 at angleMin; +Inf (no return) and NaN
 * (invalid) as the scan's rangeMax, -Inf (too close) as 0, finite values clipped to
 * [0, rangeMax]; then normalized;
 * <li>instruction [384]: the unit sentence embedding;
 * <li>belief [C, R, K]: an ego-centric crop of the occupancy grid, row 0 farthest ahead (+x),
 * column 0 farthest left (+y), cell (i, j) centred at ego ((R - 1) / 2 - i, (K - 1) / 2 - j) x
 * resolution; each channel 1 or 0 (occupied, free, unknown; trail: a point of the robot's path
 * lies in the cell); outside the grid is unknown.
 * </ul>
 * A maskable input whose sense is absent is all zeros and its presence flag 0; otherwise the
 * flag is 1. Arrays are reused between queries (one builder per episode).
 */
final class ModelInputs {
    private final ModelManifest manifest;
    private final Map<String, float[]> fed = new HashMap<>();
    private final List<String> masked = new ArrayList<>();

    ModelInputs(ModelManifest manifest) {
        this.manifest = manifest;
        for (Input in : manifest.inputs()) {
            fed.put(in.name(), new float[in.perItem()]);
            if (in.isMaskable()) fed.put(in.presenceInput(), new float[1]);
        }
    }

    /** Which inputs the last {@link #build} fed zeros to, with the reason, in manifest order ("camera (DROPPED)"). */
    List<String> masked() {
        return List.copyOf(masked);
    }

    /** {@code world} and {@code pose} (map frame) may be null when no belief is kept. */
    Map<String, float[]> build(Observation obs, float[] instruction, WorldModel world, Pose2D pose) {
        masked.clear();
        for (Input in : manifest.inputs()) {
            float[] x = fed.get(in.name());
            boolean present = switch (in.sourceKind()) {
                case CAMERA -> obs.camera().present() && camera(obs.camera().reading(), in, x);
                case LIDAR -> obs.lidar().present() && lidar(obs.lidar().reading(), in, x);
                case INSTRUCTION -> instruction != null && instruction(instruction, in, x);
                case BELIEF -> world != null && belief(world, pose, in, x);
            };
            if (!present) {
                java.util.Arrays.fill(x, 0f);
                String why = switch (in.sourceKind()) {
                    case CAMERA -> String.valueOf(obs.camera().absence());
                    case LIDAR -> String.valueOf(obs.lidar().absence());
                    default -> "none kept";
                };
                masked.add(in.source() + " (" + why + ")");
            }
            if (in.isMaskable()) fed.get(in.presenceInput())[0] = present ? 1f : 0f;
        }
        return fed;
    }

    /** Box filter down to the input's size; false (masked) for a frame smaller than the input. */
    static boolean camera(CameraFrame f, Input in, float[] x) {
        int h = (int) in.dim(2), w = (int) in.dim(3);
        if (f.width() < w || f.height() < h) return false;
        byte[] rgb = f.rgb();
        for (int v = 0; v < h; v++) {
            int y0 = v * f.height() / h, y1 = (v + 1) * f.height() / h;
            for (int u = 0; u < w; u++) {
                int x0 = u * f.width() / w, x1 = (u + 1) * f.width() / w;
                long r = 0, g = 0, b = 0;
                for (int y = y0; y < y1; y++) {
                    for (int xx = x0; xx < x1; xx++) {
                        int i = 3 * (y * f.width() + xx);
                        r += rgb[i] & 0xff;
                        g += rgb[i + 1] & 0xff;
                        b += rgb[i + 2] & 0xff;
                    }
                }
                double n = 255.0 * (y1 - y0) * (x1 - x0);
                int p = v * w + u;
                x[p] = in.normalization().apply(r / n, 0);
                x[h * w + p] = in.normalization().apply(g / n, 1);
                x[2 * h * w + p] = in.normalization().apply(b / n, 2);
            }
        }
        return true;
    }

    /** False (masked) for a scan with another beam count than the model takes. */
    static boolean lidar(LidarScan s, Input in, float[] x) {
        if (s.beams() != x.length) return false;
        double max = s.rangeMax();
        float[] r = s.ranges();
        for (int i = 0; i < x.length; i++) {
            double v = r[i];
            if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) v = max;
            else if (v == Double.NEGATIVE_INFINITY) v = 0;
            else v = Math.max(0, Math.min(max, v));
            x[i] = in.normalization().apply(v, 0);
        }
        return true;
    }

    static boolean instruction(float[] e, Input in, float[] x) {
        for (int i = 0; i < x.length; i++) x[i] = in.normalization() == null ? e[i] : in.normalization().apply(e[i], 0);
        return true;
    }

    static boolean belief(WorldModel world, Pose2D pose, Input in, float[] x) {
        int channels = (int) in.dim(1), rows = (int) in.dim(2), cols = (int) in.dim(3), plane = rows * cols;
        double res = in.belief().resolution();
        List<BeliefChannel> kinds = in.belief().channels().stream().map(BeliefChannel::of).toList();
        OccupancyGrid g = world.grid();
        double c = Math.cos(pose.yaw()), s = Math.sin(pose.yaw());
        java.util.Arrays.fill(x, 0f);
        for (int i = 0; i < rows; i++) {
            double ex = ((rows - 1) / 2.0 - i) * res;
            for (int j = 0; j < cols; j++) {
                double ey = ((cols - 1) / 2.0 - j) * res;
                int ix = g.cellX(pose.x() + c * ex - s * ey), iy = g.cellY(pose.y() + s * ex + c * ey);
                for (int k = 0; k < channels; k++) {
                    boolean on = switch (kinds.get(k)) {
                        case OCCUPIED -> g.inGrid(ix, iy) && g.isOccupied(ix, iy);
                        case FREE -> g.inGrid(ix, iy) && g.isFree(ix, iy);
                        case UNKNOWN -> !g.inGrid(ix, iy) || g.isUnknown(ix, iy);
                        case TRAIL -> false;
                    };
                    if (on) x[k * plane + i * cols + j] = 1f;
                }
            }
        }
        int trail = kinds.indexOf(BeliefChannel.TRAIL);
        if (trail >= 0) {
            for (Pose2D p : world.trail()) {
                double dx = p.x() - pose.x(), dy = p.y() - pose.y();
                double ex = c * dx + s * dy, ey = -s * dx + c * dy;
                int i = (int) Math.round((rows - 1) / 2.0 - ex / res), j = (int) Math.round((cols - 1) / 2.0 - ey / res);
                if (i >= 0 && i < rows && j >= 0 && j < cols) x[trail * plane + i * cols + j] = 1f;
            }
        }
        if (in.normalization() != null) {
            for (int k = 0; k < channels; k++) {
                for (int p = 0; p < plane; p++) x[k * plane + p] = in.normalization().apply(x[k * plane + p], k);
            }
        }
        return true;
    }
}
