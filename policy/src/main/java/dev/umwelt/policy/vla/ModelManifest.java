package dev.umwelt.policy.vla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code manifest.json} of a model directory: what each ONNX input is fed from, what the outputs
 * mean, the sensors the model was trained for, and where it came from. Read with Jackson
 * (unknown fields refused, so a misspelt field is named rather than ignored) and validated by
 * {@link ManifestCheck}; every refusal is a {@link BadModelException} naming the file and the
 * field. Fields are boxed so that a missing one is told apart from a zero. policy/README.md
 * lists every field.
 */
public record ModelManifest(Integer format, String name, List<Input> inputs, Sensors sensors, Double queryRateHz,
                            Action action, String fusion, List<String> requiredModalities,
                            List<String> sensedModalities, String textEncoder, String modelSha256,
                            Provenance provenance) {

    /** The only format this runtime reads. */
    public static final int FORMAT = 1;

    /**
     * One ONNX input. {@code source}: camera, lidar, instruction, belief or goal (the instruction's
     * point in the robot's frame). {@code shape} with the
     * batch axis first (-1: dynamic, or 1). {@code maskable}: when the sense is absent the input is
     * zeros and the float32 [batch, 1] input {@code presenceInput} is 0 (else 1).
     */
    public record Input(String name, String source, List<Long> shape, String dtype, Normalization normalization,
                        BeliefCrop belief, Boolean maskable, String presenceInput) {
        Source sourceKind() {
            return Source.of(source);
        }

        /** The size of one batch item: the product of the dimensions after the batch axis. */
        int perItem() {
            long n = 1;
            for (int i = 1; i < shape.size(); i++) n *= shape.get(i);
            return Math.toIntExact(n);
        }

        long dim(int i) {
            return shape.get(i);
        }

        boolean isMaskable() {
            return Boolean.TRUE.equals(maskable);
        }
    }

    /** Per channel (one value for all channels, or one per channel): fed = (raw - mean) / std. */
    public record Normalization(List<Double> mean, List<Double> std) {
        float apply(double raw, int channel) {
            int c = mean.size() == 1 ? 0 : channel;
            return (float) ((raw - mean.get(c)) / std.get(c));
        }
    }

    /** An ego-centric crop of the world model's belief: cell size (m) and one channel per entry of {@code channels}. */
    public record BeliefCrop(Double resolution, List<String> channels) {}

    /** The sensors the model was trained for; a robot whose sensors differ is refused. */
    public record Sensors(TrainedCamera camera, TrainedLidar lidar) {}

    public record TrainedCamera(Integer width, Integer height, Double horizontalFovDegrees) {}

    public record TrainedLidar(Integer beams) {}

    /**
     * The heads. {@code output}: float32 [batch, chunkLength, 2], body velocities (v m/s, w rad/s)
     * or ego-frame waypoints (x forward, y left, metres; waypoint k is where the robot should be
     * {@code (k + 1) * timeStepSeconds} after the query), each = raw * scale + offset.
     * {@code stopOutput}: float32 [batch, chunkLength], STOP logits per step. {@code ensembleDecay}:
     * m of the temporal ensembling weights exp(-m i) ({@link ActionEnsembler}).
     */
    public record Action(String space, String output, String stopOutput, Integer chunkLength, Double timeStepSeconds,
                         Unnormalization unnormalization, Double ensembleDecay) {
        ActionSpace spaceKind() {
            return ActionSpace.of(space);
        }

        long timeStepNanos() {
            return Math.round(timeStepSeconds * 1e9);
        }
    }

    /** Per component of an action (2 values): value = raw * scale + offset. */
    public record Unnormalization(List<Double> scale, List<Double> offset) {}

    /** Where the model came from: the commit, the command that trained it, the data it saw. */
    public record Provenance(String commit, String command, String data) {}

    public enum Source {
        CAMERA, LIDAR, INSTRUCTION, BELIEF, GOAL;

        static final String KNOWN = "camera, lidar, instruction, belief, goal";

        static Source of(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    public enum ActionSpace {
        VELOCITY, WAYPOINTS;

        static ActionSpace of(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    public enum Fusion {
        EARLY("early"), LATE("late"), CROSS_ATTENTION("cross-attention");

        final String key;

        Fusion(String key) {
            this.key = key;
        }
    }

    /** What a belief crop channel holds per cell, in [0, 1] ({@link BeliefRaster}; policy/README.md, "Inputs"). */
    public enum BeliefChannel {
        OCCUPIED, FREE, UNKNOWN, TRAIL, FRONTIER, TARGET, SOUND, GOAL, LOUDNESS, SOURCE, PATH;

        static final String KNOWN = "occupied, free, unknown, trail, frontier, target, sound, goal, loudness, source, path";

        static BeliefChannel of(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    public Fusion fusionKind() {
        for (Fusion f : Fusion.values()) if (f.key.equals(fusion)) return f;
        throw new IllegalStateException("unchecked fusion " + fusion);
    }

    /** The input fed from {@code s}, or null (at most one per source). */
    Input input(Source s) {
        for (Input i : inputs) if (i.sourceKind() == s) return i;
        return null;
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Reads and validates {@code file}; any problem is a one-line {@link BadModelException}. */
    public static ModelManifest read(Path file) {
        ModelManifest m = readJson(file, ModelManifest.class, "a manifest");
        new ManifestCheck(file, m).check();
        return m;
    }

    /** {@code file} as a {@code type}, unknown fields refused; any problem is a one-line {@link BadModelException}. */
    static <T> T readJson(Path file, Class<T> type, String what) {
        T m;
        try {
            m = JSON.readValue(Files.readAllBytes(file), type);
        } catch (UnrecognizedPropertyException e) {
            throw new BadModelException(file, path(e), "unknown field (known: " + String.join(", ",
                    e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()) + ")");
        } catch (JsonMappingException e) {
            throw new BadModelException(file, path(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new BadModelException(file, at == null ? "json" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadModelException(file, "file", "cannot read: " + e);
        }
        if (m == null) throw new BadModelException(file, "json", "empty: " + what + " is one JSON object");
        return m;
    }

    /** Jackson's reference path as the manifest's field name: {@code inputs[2].shape}. */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) b.append('.');
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "json" : b.toString();
    }
}
