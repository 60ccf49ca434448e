package dev.umwelt.policy.vla;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.umwelt.policy.vla.ModelManifest.Input;
import dev.umwelt.policy.vla.ModelManifest.Source;
import dev.umwelt.bus.robot.RobotDescription;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A loaded, checked model directory ({@link ModelDirectory#load}): the manifest, one ONNX
 * Runtime session and the sentence encoder. Shared by every episode that runs it: a run keeps no
 * state in the session (the policy holds its own), and a CNN/MLP at batch 1 on one thread gives
 * the same outputs for the same inputs whichever episode or thread asks, so trajectories do not
 * depend on {@code --threads}.
 */
public final class VlaModel implements AutoCloseable {
    private final Path dir;
    private final ModelManifest manifest;
    private final String sha256;
    private final OrtSession session;
    private final String device;
    private final InstructionEncoder encoder;
    private final Set<String> outputs;

    VlaModel(Path dir, ModelManifest manifest, String sha256, OrtSession session, String device, InstructionEncoder encoder) {
        this.dir = dir;
        this.manifest = manifest;
        this.sha256 = sha256;
        this.session = session;
        this.device = device;
        this.encoder = encoder;
        this.outputs = Set.of(manifest.action().output(), manifest.action().stopOutput());
    }

    public Path directory() { return dir; }
    public ModelManifest manifest() { return manifest; }
    public String sha256() { return sha256; }
    /** Where inference runs: {@code cpu} or {@code cuda}. */
    public String device() { return device; }
    /** The sentence encoder, or null when the model takes no instruction. */
    InstructionEncoder encoder() { return encoder; }

    /** Refuses {@code robot} when its camera or lidar differs from what the model was trained for. */
    public void checkRobot(RobotDescription robot) {
        Path mf = dir.resolve(ModelDirectory.MANIFEST);
        String who = "robot '" + robot.name() + "'" + (robot.source() != null ? " (" + robot.source() + ")" : "");
        if (manifest.input(Source.CAMERA) != null) {
            var c = manifest.sensors().camera();
            String trained = String.format(Locale.ROOT, "%dx%d, %.1f degrees", c.width(), c.height(), c.horizontalFovDegrees());
            var rc = robot.cameraSpec().orElseThrow(() -> new BadModelException(mf, "sensors.camera",
                    "trained for a camera (" + trained + "); " + who + " has none"));
            if (rc.width() != c.width() || rc.height() != c.height()) {
                throw new BadModelException(mf, "sensors.camera", "trained for " + c.width() + "x" + c.height() + " frames; "
                        + who + " delivers " + rc.width() + "x" + rc.height());
            }
            double fov = Math.toDegrees(rc.horizontalFov());
            if (Math.abs(fov - c.horizontalFovDegrees()) > 0.01) {
                throw new BadModelException(mf, "sensors.camera.horizontalFovDegrees", String.format(Locale.ROOT,
                        "trained for %.2f degrees; %s has %.2f", c.horizontalFovDegrees(), who, fov));
            }
        }
        if (manifest.input(Source.LIDAR) != null && robot.lidar().beams() != manifest.sensors().lidar().beams()) {
            throw new BadModelException(mf, "sensors.lidar.beams", "trained for " + manifest.sensors().lidar().beams()
                    + " beams; " + who + " has " + robot.lidar().beams());
        }
    }

    /** The two heads of one query, unprocessed: raw actions [chunk][2] and STOP logits [chunk]. */
    record Outputs(float[][] actions, float[] stopLogits) {}

    /**
     * One forward pass at batch 1. {@code fed}: for every graph input (presence flags included) its
     * values, flattened row-major without the batch axis.
     */
    Outputs infer(Map<String, float[]> fed) {
        OrtEnvironment env = OrtRuntime.environment();
        Map<String, OnnxTensor> in = new HashMap<>();
        try {
            for (Input i : manifest.inputs()) {
                long[] shape = i.shape().stream().mapToLong(Long::longValue).toArray();
                shape[0] = 1;
                in.put(i.name(), OnnxTensor.createTensor(env, FloatBuffer.wrap(fed.get(i.name())), shape));
                if (i.isMaskable()) {
                    in.put(i.presenceInput(), OnnxTensor.createTensor(env, FloatBuffer.wrap(fed.get(i.presenceInput())), new long[] {1, 1}));
                }
            }
            try (OrtSession.Result r = session.run(in, outputs)) {
                float[][] actions = ((float[][][]) r.get(manifest.action().output()).orElseThrow().getValue())[0];
                float[] stop = ((float[][]) r.get(manifest.action().stopOutput()).orElseThrow().getValue())[0];
                return new Outputs(actions, stop);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("inference failed for " + dir + ": " + e.getMessage(), e);
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        ModelDirectory.closeQuietly(session);
    }
}
