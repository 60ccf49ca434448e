package dev.umwelt.episodes.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.umwelt.bus.observation.AbsenceReason;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.episodes.record.EpisodeRecorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code meta.json}: what the shards hold and what their indices refer to (episodes/FORMAT.md, "Datasets"). */
final class DatasetMeta {
    public static final String FORMAT = "umwelt-dataset/1";

    /** A shard file, its sample count and the global index of its first sample. */
    record Shard(String file, long samples, long first) {}

    private DatasetMeta() {}

    static void write(Path file, ExportOptions options, DatasetRobot robot, DatasetLayout layout,
                      List<DatasetLayout.Column> columns, List<String> instructions, List<EpisodeExport> episodes,
                      List<Shard> shards, long samples, Map<String, Object> inputs) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("umwelt_version", EpisodeRecorder.VERSION);
        m.put("samples", samples);
        m.put("load", "d = np.load('shard-00000.npz'); d['camera'].shape  # every array of a shard, first axis = sample");
        m.put("shards", shards.stream().map(s -> Map.of("file", s.file(), "samples", s.samples(), "first", s.first())).toList());
        Map<String, Object> arrays = new LinkedHashMap<>();
        for (DatasetLayout.Column c : columns) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("dtype", c.type().numpyName());
            a.put("shape", Arrays.stream(c.rowShape()).boxed().toList());
            a.put("description", c.description());
            arrays.put(c.name(), a);
        }
        m.put("arrays", arrays);
        m.put("modalities", Arrays.stream(Modality.values()).map(Modality::key).toList());
        m.put("absence_reasons", Arrays.stream(AbsenceReason.values()).map(Enum::name).toList());
        m.put("labels", Map.of("nothing", 0, "wall", -1, "object", "k >= 1: episodes[e].objects[k - 1]"));
        m.put("robot", robot(robot, layout));
        m.put("waypoints", Map.of("count", options.waypoints(), "step_s", options.waypointStepNanos() / 1e9,
                "source", "/umwelt/ground_truth (the true pose), in the robot's frame at the tick"));
        m.put("instructions", instructions);
        if (inputs != null) m.put("inputs", inputs);
        List<Map<String, Object>> eps = new ArrayList<>();
        for (EpisodeExport e : episodes) eps.add(episode(e));
        m.put("episodes", eps);
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(partial.toFile(), m);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, Object> robot(DatasetRobot r, DatasetLayout layout) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("lidar", Map.of("beams", r.beams(), "angle_min", r.angleMin(), "angle_increment", r.angleIncrement(),
                "range_min", r.rangeMin(), "range_max", r.rangeMax()));
        Map<String, Object> cam = new LinkedHashMap<>();
        cam.put("present", r.camera());
        cam.put("width", layout.cameraWidth());
        cam.put("height", layout.cameraHeight());
        cam.put("source_width", r.cameraSourceWidth());
        cam.put("source_height", r.cameraSourceHeight());
        cam.put("horizontal_fov", r.cameraFov());
        m.put("camera", cam);
        m.put("audio", Map.of("channels", r.microphones(), "frames", r.audioFrames(), "sample_rate", r.sampleRate(),
                "exported", layout.audioFrames() > 0));
        return m;
    }

    private static Map<String, Object> episode(EpisodeExport e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", e.file().toString());
        m.put("scenario", e.scenario());
        m.put("task", e.task());
        m.put("seed", e.seed());
        m.put("policy", e.policy());
        m.put("first_sample", e.firstSample());
        m.put("samples", e.ticks());
        m.put("complete", e.complete());
        m.put("stopped", e.stopped());
        m.put("success", e.success());
        m.put("end_reason", e.result().getOrDefault("endReason", ""));
        m.put("spl", number(e.result().get("spl")));
        m.put("result", new java.util.TreeMap<>(e.result()));
        m.put("objects", e.objects().stream().map(o -> Map.of("id", o.id(), "label", o.label(), "shape", o.shape(),
                "colour", o.colour(), "target", o.target())).toList());
        return m;
    }

    private static Object number(String s) {
        if (s == null) return null;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
