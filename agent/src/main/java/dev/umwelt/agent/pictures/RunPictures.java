package dev.umwelt.agent.pictures;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.umwelt.agent.episode.EpisodeResult;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.metrics.EpisodeMetrics;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pictures of one run, in one directory: {@code trajectory.png} (the top-down map with the
 * path), {@code camera-first.png} and {@code camera-last.png} (only when the robot saw camera
 * frames), {@code map.png} (the robot's belief: occupancy grid, estimated path, remembered
 * objects, sound sources, frontiers; when the result carries one) and {@code metrics.json}
 * (the object {@code run --json} prints).
 */
public final class RunPictures {
    public static final String TRAJECTORY = "trajectory.png";
    public static final String CAMERA_FIRST = "camera-first.png";
    public static final String CAMERA_LAST = "camera-last.png";
    public static final String METRICS = "metrics.json";
    /** The robot's own belief (world model), see {@link BeliefMap}. */
    public static final String MAP = "map.png";
    /** trajectory.png is this wide; its map is at most this tall (plus the caption). */
    public static final int WIDTH = 1024, MAX_MAP_HEIGHT = 900;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunPictures() {}

    /**
     * Everything for a finished episode; returns the files written. metrics.json comes first: it is
     * the smallest and the one that matters most when the process must end soon (interrupted).
     */
    public static List<Path> write(Path dir, EpisodeResult r) throws IOException {
        Files.createDirectories(dir);
        Path metrics = writeJson(dir.resolve(METRICS), r.toJsonMap());
        List<Path> written = write(dir, r.spec().scenario(), r.trajectory(), r.events(), r.metrics(),
                r.firstFrame(), r.lastFrame());
        if (r.belief() != null) {
            written.add(png(BeliefMap.fitted(r.belief(), WIDTH, MAX_MAP_HEIGHT).render(), dir.resolve(MAP)));
        }
        written.add(metrics);
        return written;
    }

    /**
     * The images (no metrics.json: that is the result's JSON, see {@link #write(Path, EpisodeResult)}).
     * {@code first} and {@code last} may be null: no camera pictures then.
     */
    public static List<Path> write(Path dir, Scenario s, List<Pose2D> trajectory, List<EpisodeEvent> events,
                                   EpisodeMetrics m, CameraFrame first, CameraFrame last) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        TopDownMap map = TopDownMap.fitted(s, WIDTH, MAX_MAP_HEIGHT, TopDownMap.CAPTION_HEIGHT);
        written.add(png(map.renderRun(trajectory, events, m), dir.resolve(TRAJECTORY)));
        if (first != null) written.add(png(CameraImages.toImage(first, CameraImages.upscaleFactor(first.width())), dir.resolve(CAMERA_FIRST)));
        if (last != null) written.add(png(CameraImages.toImage(last, CameraImages.upscaleFactor(last.width())), dir.resolve(CAMERA_LAST)));
        return written;
    }

    static Path png(BufferedImage img, Path file) throws IOException {
        if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer in this JDK for " + file);
        return file;
    }

    static Path writeJson(Path file, Map<String, Object> json) throws IOException {
        JSON.writeValue(file.toFile(), json);
        return file;
    }
}
