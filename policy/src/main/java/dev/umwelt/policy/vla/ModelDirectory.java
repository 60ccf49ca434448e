package dev.umwelt.policy.vla;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.umwelt.policy.vla.ModelManifest.Input;
import dev.umwelt.policy.vla.ModelManifest.Source;
import dev.umwelt.bus.robot.RobotDescription;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens a model directory ({@code model.onnx}, {@code manifest.json}, {@code README.md}, the model
 * card) and refuses it, as a one-line {@link BadModelException}, before any episode starts: a
 * missing file, a manifest field that is wrong, a SHA-256 that does not match, a file ONNX
 * Runtime cannot open, ONNX inputs or outputs whose names, shapes or dtypes differ from the
 * manifest (a missing input otherwise fails only at run time), a robot whose sensors differ.
 *
 * <p>Inference runs on the CPU unless CUDA is asked for ({@link Inference#CUDA}) or present
 * ({@link Inference#AUTO} with the {@code onnxruntime_gpu} jar, {@code -Pgpu}); when CUDA cannot
 * be had, that is said once on stderr and the CPU serves.
 */
public final class ModelDirectory {
    public static final String MODEL = "model.onnx", MANIFEST = "manifest.json", CARD = "README.md";

    /** Where inference runs. AUTO: CUDA when the ONNX Runtime jar offers it, else the CPU. */
    public enum Inference {
        AUTO, CPU, CUDA;

        /** {@code auto}, {@code cpu} or {@code cuda}; anything else is an IllegalArgumentException naming the choices. */
        public static Inference of(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown inference device '" + s + "' (known: auto, cpu, cuda)");
            }
        }
    }

    private static final AtomicBoolean CUDA_WARNED = new AtomicBoolean();

    private ModelDirectory() {}

    /** Loads {@code dir} for {@code robot}, on the CPU unless CUDA is present. */
    public static VlaModel load(Path dir, RobotDescription robot) {
        return load(dir, robot, Inference.AUTO);
    }

    public static VlaModel load(Path dir, RobotDescription robot, Inference inference) {
        VlaModel model = load(dir, inference);
        try {
            model.checkRobot(robot);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    /** Loads and checks {@code dir} for any robot; {@link VlaModel#checkRobot} then checks each robot that will run it. */
    public static VlaModel load(Path dir, Inference inference) {
        if (!Files.isDirectory(dir)) throw new BadModelException(dir, "directory", "no such model directory");
        for (String f : List.of(MODEL, MANIFEST, CARD)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new BadModelException(dir.resolve(f), "file", "missing (a model directory holds " + MODEL + ", "
                        + MANIFEST + " and " + CARD + ", the model card)");
            }
        }
        Path manifestFile = dir.resolve(MANIFEST), modelFile = dir.resolve(MODEL);
        ModelManifest manifest = ModelManifest.read(manifestFile);
        String sha = sha256(modelFile);
        if (!sha.equals(manifest.modelSha256())) {
            throw new BadModelException(manifestFile, "modelSha256", manifest.modelSha256() + " does not match " + MODEL
                    + ", whose SHA-256 is " + sha);
        }
        Opened opened = open(modelFile, inference);
        try {
            checkGraph(manifestFile, modelFile, manifest, opened.session);
            InstructionEncoder encoder = manifest.input(Source.INSTRUCTION) == null ? null : InstructionEncoder.shared();
            return new VlaModel(dir, manifest, sha, opened.session, opened.device, encoder);
        } catch (RuntimeException e) {
            closeQuietly(opened.session);
            throw e;
        }
    }

    /** The lower-case hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new BadModelException(file, "file", "cannot read: " + e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Opened(OrtSession session, String device) {}

    private static Opened open(Path modelFile, Inference inference) {
        OrtEnvironment env = OrtRuntime.environment();
        boolean cuda = inference == Inference.CUDA
                || (inference == Inference.AUTO && OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA));
        if (cuda) {
            try {
                OrtSession.SessionOptions o = options();
                o.addCUDA(0);
                return new Opened(env.createSession(modelFile.toString(), o), "cuda");
            } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
                if (CUDA_WARNED.compareAndSet(false, true)) {
                    System.err.println("vla: CUDA was " + (inference == Inference.CUDA ? "asked for" : "offered")
                            + " but is not usable (" + BadModelException.oneLine(e.getMessage()) + "); running on the CPU");
                }
            }
        }
        try {
            return new Opened(env.createSession(modelFile.toString(), options()), "cpu");
        } catch (OrtException e) {
            throw new BadModelException(modelFile, "onnx", "not an ONNX model ONNX Runtime can open ("
                    + BadModelException.oneLine(e.getMessage()) + ")");
        }
    }

    /**
     * One intra-op and one inter-op thread, sequential: the same input gives the same bits on any
     * machine load, and concurrent episodes sharing the session do not contend inside it (two
     * intra-op threads made the tail worse under load; PITFALLS).
     */
    private static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(1);
        o.setInterOpNumThreads(1);
        o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        return o;
    }

    /** The graph's inputs and outputs against the manifest: names, dtypes and shapes (-1 for the dynamic batch). */
    private static void checkGraph(Path manifestFile, Path modelFile, ModelManifest m, OrtSession s) {
        Map<String, NodeInfo> graphIn, graphOut;
        try {
            graphIn = s.getInputInfo();
            graphOut = s.getOutputInfo();
        } catch (OrtException e) {
            throw new BadModelException(modelFile, "onnx", "cannot read the graph's inputs and outputs: " + e.getMessage());
        }
        Map<String, String> expected = new LinkedHashMap<>(); // graph input name -> manifest field
        for (int i = 0; i < m.inputs().size(); i++) {
            Input in = m.inputs().get(i);
            String f = "inputs[" + i + "]";
            expected.put(in.name(), f);
            tensor(manifestFile, f + ".name", f + ".dtype", f + ".shape", in.name(), graphIn,
                    in.shape().stream().mapToLong(Long::longValue).toArray(), "input");
            if (in.isMaskable()) {
                expected.put(in.presenceInput(), f + ".presenceInput");
                String pf = f + ".presenceInput";
                tensor(manifestFile, pf, pf, pf, in.presenceInput(), graphIn, new long[] {in.dim(0), 1}, "input");
            }
        }
        for (String name : graphIn.keySet()) {
            if (!expected.containsKey(name)) {
                throw new BadModelException(modelFile, "input '" + name + "'", "the graph takes it, the manifest feeds nothing to it "
                        + "(manifest inputs and presence flags: " + String.join(", ", expected.keySet()) + ")");
            }
        }
        var a = m.action();
        tensor(manifestFile, "action.output", "action.output", "action.chunkLength", a.output(), graphOut,
                new long[] {-1, a.chunkLength(), 2}, "output");
        tensor(manifestFile, "action.stopOutput", "action.stopOutput", "action.chunkLength", a.stopOutput(), graphOut,
                new long[] {-1, a.chunkLength()}, "output");
    }

    /**
     * The graph's {@code kind} tensor {@code name} must exist, be float32 and have {@code shape}.
     * {@code field}: the manifest field that names it; {@code dtypeField} and {@code shapeField}
     * are blamed for a wrong dtype or shape. Inputs must agree on the batch axis too (-1 or 1);
     * an output's batch axis may be either, as the runtime always runs batch 1.
     */
    private static void tensor(Path manifestFile, String field, String dtypeField, String shapeField, String name,
                               Map<String, NodeInfo> graph, long[] shape, String kind) {
        NodeInfo node = graph.get(name);
        if (node == null) {
            throw new BadModelException(manifestFile, field, "model.onnx has no " + kind + " '" + name + "' (its " + kind + "s: "
                    + String.join(", ", new TreeSet<>(graph.keySet())) + ")");
        }
        if (!(node.getInfo() instanceof TensorInfo t)) {
            throw new BadModelException(manifestFile, field, "model.onnx's " + kind + " '" + name + "' is not a tensor: " + node.getInfo());
        }
        if (t.type != OnnxJavaType.FLOAT) {
            throw new BadModelException(manifestFile, dtypeField, "float32 expected, model.onnx's " + kind + " '" + name + "' is " + t.type);
        }
        long[] g = t.getShape();
        boolean same = g.length == shape.length && (kind.equals("input") ? g[0] == shape[0] : g[0] == -1 || g[0] == 1);
        for (int i = 1; same && i < g.length; i++) same = g[i] == shape[i];
        if (!same) {
            throw new BadModelException(manifestFile, shapeField, "the manifest says " + Arrays.toString(shape) + ", model.onnx's "
                    + kind + " '" + name + "' is " + Arrays.toString(g));
        }
    }

    static void closeQuietly(OrtSession s) {
        try {
            s.close();
        } catch (OrtException e) {
            // Best effort: the model is being refused anyway.
        }
    }
}
