package dev.umwelt.policy.vla;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.policy.vla.ModelManifest.BeliefChannel;
import dev.umwelt.policy.vla.ModelManifest.Input;
import dev.umwelt.policy.vla.ModelManifest.Source;
import dev.umwelt.worldmodel.WorldModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one query's input tensors (batch axis left out, row-major) from the observation, the
 * instruction and the world model, as the manifest declares them: the one place that does, for
 * the runtime and for the dataset export ({@link DatasetInputs}, which takes the values before
 * normalization). policy/README.md, "Inputs":
 * <ul>
 * <li>camera [3, H, W]: the frame box-averaged down to W x H, channels R, G, B in [0, 1], then
 * normalized;
 * <li>lidar [N] or [1, N]: ranges in metres, beam 0 at angleMin; +Inf (no return) and NaN
 * (invalid) as the scan's rangeMax, -Inf (too close) as 0, finite values clipped to
 * [0, rangeMax]; then normalized;
 * <li>instruction [384]: the unit sentence embedding;
 * <li>belief [C, R, K]: an ego-centric crop of the world model ({@link BeliefRaster});
 * <li>goal [2]: the instruction's point ({@link PointGoal}) in the robot's frame (x forward, y
 * left, metres, from the world model's pose); absent when the instruction holds no point.
 * </ul>
 * A maskable input whose source is absent is all zeros and its presence flag 0; otherwise the
 * flag is 1. Arrays are reused between queries (one builder per episode).
 */
final class ModelInputs {
    /** What an instruction gives the inputs, worked out once per text: its embedding, grounding and point (each null when unused or absent). */
    record Instructed(String text, float[] embedding, InstructionGrounding.Probabilities grounding, double[] point) {}

    private final ModelManifest manifest;
    private final boolean normalized;
    private final Map<String, float[]> fed = new HashMap<>();
    private final List<String> masked = new ArrayList<>();
    private final boolean needsEmbedding, needsGrounding, needsPoint;
    /** The loudness and source channels' memory, fed every tick ({@link #observe}); null without either. */
    private final HeardTone tone;

    ModelInputs(ModelManifest manifest) {
        this(manifest, true);
    }

    /** {@code normalized} false: the values before the manifest's normalization (what a dataset stores). */
    ModelInputs(ModelManifest manifest, boolean normalized) {
        this.manifest = manifest;
        this.normalized = normalized;
        boolean embedding = false, grounding = false, point = false, loud = false, source = false;
        for (Input in : manifest.inputs()) {
            fed.put(in.name(), new float[in.perItem()]);
            if (in.isMaskable()) fed.put(in.presenceInput(), new float[1]);
            embedding |= in.sourceKind() == Source.INSTRUCTION;
            point |= in.sourceKind() == Source.GOAL;
            if (in.sourceKind() == Source.BELIEF) {
                List<BeliefChannel> ch = in.belief().channels().stream().map(BeliefChannel::of).toList();
                boolean path = ch.contains(BeliefChannel.PATH); // plans to the point, the fitted source or the grounded object
                grounding |= ch.contains(BeliefChannel.TARGET) || path;
                point |= ch.contains(BeliefChannel.GOAL) || path;
                loud |= ch.contains(BeliefChannel.LOUDNESS);
                source |= ch.contains(BeliefChannel.SOURCE) || path;
            }
        }
        needsEmbedding = embedding;
        needsGrounding = grounding;
        needsPoint = point;
        tone = loud || source ? new HeardTone(source) : null;
    }

    /** Every tick, queried or not, after the world model's update: what the inputs remember. */
    void observe(Observation obs, WorldModel world) {
        if (tone != null) tone.update(world, obs.stampNanos());
    }

    /** The instruction as these inputs need it; {@code encoder} null: no embedding (a model without an instruction input). */
    Instructed instructed(String text, InstructionEncoder encoder) {
        float[] e = needsEmbedding && encoder != null ? encoder.encode(text) : null;
        var g = needsGrounding ? InstructionGrounding.shared().of(text) : null; // the shared encoder, with or without an instruction input
        double[] p = needsPoint ? PointGoal.of(text).orElse(null) : null;
        return new Instructed(text, e, g, p);
    }

    /** Which inputs the last {@link #build} fed zeros to, with the reason, in manifest order ("camera (DROPPED)"). */
    List<String> masked() {
        return List.copyOf(masked);
    }

    /** {@code world} and {@code pose} (map frame) may be null when no belief is kept. */
    Map<String, float[]> build(Observation obs, Instructed instr, WorldModel world, Pose2D pose) {
        masked.clear();
        for (Input in : manifest.inputs()) {
            float[] x = fed.get(in.name());
            boolean present = switch (in.sourceKind()) {
                case CAMERA -> obs.camera().present() && camera(obs.camera().reading(), in, x);
                case LIDAR -> obs.lidar().present() && lidar(obs.lidar().reading(), in, x);
                case INSTRUCTION -> instr != null && instr.embedding() != null && instruction(instr.embedding(), in, x);
                case BELIEF -> world != null && belief(world, pose, instr, in, x);
                case GOAL -> instr != null && instr.point() != null && pose != null && goal(instr.point(), pose, in, x);
            };
            if (!present) {
                java.util.Arrays.fill(x, 0f);
                String why = switch (in.sourceKind()) {
                    case CAMERA -> String.valueOf(obs.camera().absence());
                    case LIDAR -> String.valueOf(obs.lidar().absence());
                    case GOAL -> "no point in the instruction";
                    default -> "none kept";
                };
                masked.add(in.source() + " (" + why + ")");
            }
            if (in.isMaskable()) fed.get(in.presenceInput())[0] = present ? 1f : 0f;
        }
        return fed;
    }

    private float norm(Input in, double raw, int channel) {
        return normalized && in.normalization() != null ? in.normalization().apply(raw, channel) : (float) raw;
    }

    /** Box filter down to the input's size; false (masked) for a frame smaller than the input. */
    boolean camera(CameraFrame f, Input in, float[] x) {
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
                x[p] = norm(in, r / n, 0);
                x[h * w + p] = norm(in, g / n, 1);
                x[2 * h * w + p] = norm(in, b / n, 2);
            }
        }
        return true;
    }

    /** False (masked) for a scan with another beam count than the model takes. */
    boolean lidar(LidarScan s, Input in, float[] x) {
        if (s.beams() != x.length) return false;
        double max = s.rangeMax();
        float[] r = s.ranges();
        for (int i = 0; i < x.length; i++) {
            double v = r[i];
            if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) v = max;
            else if (v == Double.NEGATIVE_INFINITY) v = 0;
            else v = Math.max(0, Math.min(max, v));
            x[i] = norm(in, v, 0);
        }
        return true;
    }

    boolean instruction(float[] e, Input in, float[] x) {
        for (int i = 0; i < x.length; i++) x[i] = norm(in, e[i], 0);
        return true;
    }

    boolean belief(WorldModel world, Pose2D pose, Instructed instr, Input in, float[] x) {
        int channels = (int) in.dim(1), rows = (int) in.dim(2), cols = (int) in.dim(3), plane = rows * cols;
        List<BeliefChannel> kinds = in.belief().channels().stream().map(BeliefChannel::of).toList();
        BeliefRaster.paint(world, pose, kinds, rows, cols, in.belief().resolution(), instr, tone, x);
        if (normalized && in.normalization() != null) {
            for (int k = 0; k < channels; k++) {
                for (int p = 0; p < plane; p++) x[k * plane + p] = in.normalization().apply(x[k * plane + p], k);
            }
        }
        return true;
    }

    /** The map-frame point in the robot's frame. */
    boolean goal(double[] point, Pose2D pose, Input in, float[] x) {
        double dx = point[0] - pose.x(), dy = point[1] - pose.y(), c = Math.cos(pose.yaw()), s = Math.sin(pose.yaw());
        x[0] = norm(in, c * dx + s * dy, 0);
        x[1] = norm(in, -s * dx + c * dy, 1);
        return true;
    }
}
