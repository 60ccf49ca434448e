package dev.umwelt.policy.vla;

import dev.umwelt.bus.observation.Modality;
import dev.umwelt.policy.vla.ModelManifest.Action;
import dev.umwelt.policy.vla.ModelManifest.ActionSpace;
import dev.umwelt.policy.vla.ModelManifest.BeliefChannel;
import dev.umwelt.policy.vla.ModelManifest.Fusion;
import dev.umwelt.policy.vla.ModelManifest.Input;
import dev.umwelt.policy.vla.ModelManifest.Normalization;
import dev.umwelt.policy.vla.ModelManifest.Source;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates a parsed manifest field by field; the first problem is thrown as a
 * {@link BadModelException} naming the field. What the ONNX graph itself declares is checked
 * afterwards, against the session ({@link ModelDirectory}).
 */
final class ManifestCheck {
    private final Path file;
    private final ModelManifest m;

    ManifestCheck(Path file, ModelManifest m) {
        this.file = file;
        this.m = m;
    }

    private BadModelException bad(String field, String problem) {
        return new BadModelException(file, field, problem);
    }

    private <T> T present(T value, String field) {
        if (value == null) throw bad(field, "missing");
        return value;
    }

    private String text(String value, String field) {
        if (present(value, field).isBlank()) throw bad(field, "must not be empty");
        return value;
    }

    private double positive(Double value, String field) {
        double v = present(value, field);
        if (!(v > 0) || Double.isInfinite(v)) throw bad(field, "must be a positive number: " + v);
        return v;
    }

    private int positive(Integer value, String field) {
        int v = present(value, field);
        if (v <= 0) throw bad(field, "must be a positive integer: " + v);
        return v;
    }

    void check() {
        if (present(m.format(), "format") != ModelManifest.FORMAT) {
            throw bad("format", "format " + m.format() + " is not readable here (this runtime reads format " + ModelManifest.FORMAT + ")");
        }
        text(m.name(), "name");
        EnumSet<Source> sources = checkInputs();
        checkSensors(sources);
        checkAction(present(m.action(), "action"));
        fusion(m.fusion());
        checkModalities(sources);
        if (!InstructionEncoder.NAME.equals(text(m.textEncoder(), "textEncoder"))) {
            throw bad("textEncoder", "'" + m.textEncoder() + "' is not available (known: " + InstructionEncoder.NAME + ")");
        }
        if (!text(m.modelSha256(), "modelSha256").matches("[0-9a-f]{64}")) {
            throw bad("modelSha256", "must be 64 lower-case hex digits (the SHA-256 of model.onnx): '" + m.modelSha256() + "'");
        }
        var p = present(m.provenance(), "provenance");
        text(p.commit(), "provenance.commit");
        text(p.command(), "provenance.command");
        text(p.data(), "provenance.data");
    }

    /**
     * The {@code inputs} and {@code queryRateHz} fields alone: all that a dataset's input file
     * ({@link DatasetInputs}) holds. Returns the sources fed.
     */
    EnumSet<Source> checkInputs() {
        List<Input> inputs = present(m.inputs(), "inputs");
        if (inputs.isEmpty()) throw bad("inputs", "a model needs at least one input");
        Set<String> names = new HashSet<>();
        EnumSet<Source> sources = EnumSet.noneOf(Source.class);
        for (int i = 0; i < inputs.size(); i++) {
            Input in = present(inputs.get(i), "inputs[" + i + "]");
            String f = "inputs[" + i + "]";
            if (!names.add(text(in.name(), f + ".name"))) throw bad(f + ".name", "'" + in.name() + "' is listed twice");
            Source s = source(in.source(), f + ".source");
            if (!sources.add(s)) throw bad(f + ".source", "a second '" + in.source() + "' input (one per source)");
            checkInput(in, s, f);
        }
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            if (in.isMaskable() && !names.add(in.presenceInput())) {
                throw bad("inputs[" + i + "].presenceInput", "'" + in.presenceInput() + "' is already the name of another input");
            }
        }
        positive(m.queryRateHz(), "queryRateHz");
        return sources;
    }

    private Source source(String s, String field) {
        try {
            return Source.of(text(s, field));
        } catch (IllegalArgumentException e) {
            throw bad(field, "unknown source '" + s + "' (known: " + Source.KNOWN + ")");
        }
    }

    private void checkInput(Input in, Source s, String f) {
        List<Long> shape = present(in.shape(), f + ".shape");
        for (Long d : shape) if (d == null) throw bad(f + ".shape", "null dimension in " + shape);
        if (shape.isEmpty() || (shape.get(0) != -1 && shape.get(0) != 1)) {
            throw bad(f + ".shape", "the first axis is the batch: -1 (dynamic) or 1, in " + shape);
        }
        for (int d = 1; d < shape.size(); d++) {
            if (shape.get(d) <= 0) throw bad(f + ".shape", "axis " + d + " must be positive in " + shape);
        }
        if (!"float32".equals(text(in.dtype(), f + ".dtype"))) throw bad(f + ".dtype", "'" + in.dtype() + "' is not supported (float32)");
        present(in.maskable(), f + ".maskable");
        if (in.isMaskable()) text(in.presenceInput(), f + ".presenceInput");
        else if (in.presenceInput() != null) throw bad(f + ".presenceInput", "only a maskable input has a presence flag");
        if (s != Source.BELIEF && in.belief() != null) throw bad(f + ".belief", "only a belief input has a crop");
        switch (s) {
            case CAMERA -> {
                rank(shape, 4, f, "[batch, 3, height, width]");
                if (shape.get(1) != 3) throw bad(f + ".shape", "a camera input has 3 channels (RGB): " + shape);
                normalization(present(in.normalization(), f + ".normalization"), 3, f);
            }
            case LIDAR -> {
                if (shape.size() != 2 && !(shape.size() == 3 && shape.get(1) == 1)) {
                    throw bad(f + ".shape", "a lidar input is [batch, beams] or [batch, 1, beams]: " + shape);
                }
                normalization(present(in.normalization(), f + ".normalization"), 1, f);
            }
            case INSTRUCTION -> {
                if (shape.size() != 2 || shape.get(1) != InstructionEncoder.DIMENSION) {
                    throw bad(f + ".shape", "an instruction input is [batch, " + InstructionEncoder.DIMENSION + "] ("
                            + InstructionEncoder.NAME + "): " + shape);
                }
                if (in.normalization() != null) normalization(in.normalization(), 1, f);
            }
            case BELIEF -> {
                rank(shape, 4, f, "[batch, channels, rows, columns]");
                var crop = present(in.belief(), f + ".belief");
                positive(crop.resolution(), f + ".belief.resolution");
                List<String> ch = present(crop.channels(), f + ".belief.channels");
                if (ch.size() != shape.get(1)) {
                    throw bad(f + ".belief.channels", ch.size() + " channels named for " + shape.get(1) + " in the shape " + shape);
                }
                for (int c = 0; c < ch.size(); c++) {
                    try {
                        BeliefChannel.of(text(ch.get(c), f + ".belief.channels[" + c + "]"));
                    } catch (IllegalArgumentException e) {
                        throw bad(f + ".belief.channels[" + c + "]", "unknown channel '" + ch.get(c) + "' (known: " + BeliefChannel.KNOWN + ")");
                    }
                }
                if (in.normalization() != null) normalization(in.normalization(), Math.toIntExact(shape.get(1)), f);
            }
            case GOAL -> {
                if (shape.size() != 2 || shape.get(1) != 2) throw bad(f + ".shape", "a goal input is [batch, 2] (x forward, y left, m): " + shape);
                // An instruction without a point has no goal: it must be fed as absent.
                if (!in.isMaskable()) throw bad(f + ".maskable", "a goal input must be maskable (instructions without a point have none)");
                normalization(present(in.normalization(), f + ".normalization"), 2, f);
            }
        }
    }

    private void rank(List<Long> shape, int rank, String f, String expected) {
        if (shape.size() != rank) throw bad(f + ".shape", "expected " + expected + ": " + shape);
    }

    private void normalization(Normalization n, int channels, String f) {
        List<Double> mean = present(n.mean(), f + ".normalization.mean"), std = present(n.std(), f + ".normalization.std");
        for (var e : List.of(List.of("mean", mean), List.of("std", std))) {
            @SuppressWarnings("unchecked") List<Double> v = (List<Double>) e.get(1);
            String field = f + ".normalization." + e.get(0);
            if (v.size() != 1 && v.size() != channels) throw bad(field, v.size() + " values for " + channels + " channel(s) (give 1 or " + channels + ")");
            for (Double x : v) if (x == null || !Double.isFinite(x)) throw bad(field, "values must be finite numbers: " + v);
        }
        for (Double s : std) if (!(s > 0)) throw bad(f + ".normalization.std", "must be positive: " + std);
    }

    private void checkSensors(EnumSet<Source> sources) {
        var s = present(m.sensors(), "sensors");
        if (sources.contains(Source.CAMERA)) {
            var c = present(s.camera(), "sensors.camera");
            positive(c.width(), "sensors.camera.width");
            positive(c.height(), "sensors.camera.height");
            double fov = positive(c.horizontalFovDegrees(), "sensors.camera.horizontalFovDegrees");
            if (fov >= 360) throw bad("sensors.camera.horizontalFovDegrees", "must be below 360: " + fov);
        }
        if (sources.contains(Source.LIDAR)) {
            int beams = positive(present(s.lidar(), "sensors.lidar").beams(), "sensors.lidar.beams");
            Input lidar = m.input(Source.LIDAR);
            long fed = lidar.dim(lidar.shape().size() - 1);
            if (fed != beams) {
                throw bad("sensors.lidar.beams", "trained for " + beams + " beams, but the lidar input '" + lidar.name()
                        + "' takes " + fed);
            }
        }
    }

    private void checkAction(Action a) {
        try {
            ActionSpace.of(text(a.space(), "action.space"));
        } catch (IllegalArgumentException e) {
            throw bad("action.space", "unknown action space '" + a.space() + "' (known: velocity, waypoints)");
        }
        text(a.output(), "action.output");
        if (text(a.stopOutput(), "action.stopOutput").equals(a.output())) {
            throw bad("action.stopOutput", "must differ from action.output ('" + a.output() + "')");
        }
        int k = positive(a.chunkLength(), "action.chunkLength");
        double dt = positive(a.timeStepSeconds(), "action.timeStepSeconds");
        // Each query's chunk must last until the next query, or some ticks would have no action.
        double between = 1.0 / m.queryRateHz();
        if (k * dt < between - 1e-9) {
            throw bad("action.chunkLength", String.format(Locale.ROOT, "%d steps of %.3f s cover %.3f s, less than the %.3f s "
                    + "between queries at queryRateHz %s", k, dt, k * dt, between, m.queryRateHz()));
        }
        var u = present(a.unnormalization(), "action.unnormalization");
        for (var e : List.of(List.of("scale", present(u.scale(), "action.unnormalization.scale")),
                List.of("offset", present(u.offset(), "action.unnormalization.offset")))) {
            @SuppressWarnings("unchecked") List<Double> v = (List<Double>) e.get(1);
            String field = "action.unnormalization." + e.get(0);
            if (v.size() != 2) throw bad(field, "one value per action component (2): " + v);
            for (Double x : v) if (x == null || !Double.isFinite(x)) throw bad(field, "values must be finite numbers: " + v);
        }
        for (Double x : u.scale()) if (x == 0) throw bad("action.unnormalization.scale", "must not be 0: " + u.scale());
        double decay = present(a.ensembleDecay(), "action.ensembleDecay");
        if (!Double.isFinite(decay)) throw bad("action.ensembleDecay", "must be a finite number: " + decay);
    }

    private void fusion(String f) {
        for (Fusion k : Fusion.values()) if (k.key.equals(text(f, "fusion"))) return;
        throw bad("fusion", "unknown fusion '" + f + "' (known: early, late, cross-attention)");
    }

    private EnumSet<Modality> modalities(List<String> keys, String field) {
        EnumSet<Modality> out = EnumSet.noneOf(Modality.class);
        for (int i = 0; i < present(keys, field).size(); i++) {
            try {
                if (!out.add(Modality.fromKey(String.valueOf(keys.get(i))))) throw bad(field + "[" + i + "]", "'" + keys.get(i) + "' is listed twice");
            } catch (IllegalArgumentException e) {
                throw bad(field + "[" + i + "]", e.getMessage());
            }
        }
        return out;
    }

    private void checkModalities(EnumSet<Source> sources) {
        EnumSet<Modality> required = modalities(m.requiredModalities(), "requiredModalities");
        EnumSet<Modality> sensed = modalities(m.sensedModalities(), "sensedModalities");
        for (Modality r : required) {
            if (!sensed.contains(r)) throw bad("sensedModalities", "misses the required '" + r.key() + "' (every required modality is sensed)");
        }
        for (Input in : m.inputs()) {
            Modality mod = switch (in.sourceKind()) {
                case CAMERA -> Modality.CAMERA;
                case LIDAR -> Modality.LIDAR;
                default -> null;
            };
            if (mod == null) continue;
            if (!sensed.contains(mod)) throw bad("sensedModalities", "misses '" + mod.key() + "', which input '" + in.name() + "' reads");
            // An input that cannot be masked must never be fed an absent sense: the watchdog stops the robot instead.
            if (!in.isMaskable() && !required.contains(mod)) {
                throw bad("requiredModalities", "misses '" + mod.key() + "': input '" + in.name() + "' is not maskable");
            }
        }
    }
}
