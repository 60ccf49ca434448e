package dev.umwelt.episodes.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What became of one episode file: how many ticks went into the dataset (from sample
 * {@code firstSample} on), whether the file was read to its end, and if not why it stopped; its
 * metadata, result and object table for meta.json. {@code skipped}: nothing exported (not an
 * episode, or a robot the dataset cannot take), with {@code stopped} saying why.
 */
public record EpisodeExport(Path file, int index, String scenario, String task, String seed, String policy,
                            int ticks, long firstSample, boolean complete, String stopped, boolean skipped,
                            Map<String, String> result, List<ObjectInfo> objects, long bytes) {
    /** One object of the episode's world: label k >= 1 in beam_objects/column_objects is objects[k - 1]. */
    public record ObjectInfo(String id, String label, String shape, String colour, boolean target) {}

    public boolean success() {
        return "true".equals(result.get("success"));
    }

    /** The report's line for a file that was not exported whole: file, ticks kept, why it stopped. */
    public String reportLine() {
        if (skipped) return file + ": skipped, 0 ticks exported: " + stopped;
        return file + ": " + ticks + " ticks exported, then stopped: " + stopped;
    }
}
