package dev.umwelt.episodes.export;

import java.nio.file.Path;
import java.util.Locale;

/** What an export did and how fast: samples and episodes in, shards and bytes out, wall time. */
public record ExportSummary(Path out, long samples, int episodes, int skipped, long cutShort, int shards, long inputBytes,
                            long outputBytes, double seconds) {
    public double samplesPerSecond() {
        return seconds > 0 ? samples / seconds : 0;
    }

    /** Episode-file megabytes read per second (the input side: MCAP, zstd-compressed). */
    public double inputMegabytesPerSecond() {
        return seconds > 0 ? inputBytes / 1e6 / seconds : 0;
    }

    /** Dataset megabytes written per second. */
    public double outputMegabytesPerSecond() {
        return seconds > 0 ? outputBytes / 1e6 / seconds : 0;
    }

    public String line() {
        return String.format(Locale.ROOT, "exported %d samples from %d episodes (%d cut short, %d files skipped) into %s: "
                        + "%d shard%s, %.1f MB in %.1f s (%.0f samples/s; episode files read at %.1f MB/s, dataset written at %.1f MB/s)",
                samples, episodes, cutShort, skipped, out, shards, shards == 1 ? "" : "s", outputBytes / 1e6, seconds, samplesPerSecond(),
                inputMegabytesPerSecond(), outputMegabytesPerSecond());
    }
}
