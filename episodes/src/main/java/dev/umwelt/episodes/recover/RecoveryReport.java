package dev.umwelt.episodes.recover;

import java.util.List;
import java.util.Locale;

/**
 * What {@link EpisodeRecovery#recover} kept and lost.
 *
 * @param messagesKept     messages written to the recovered file
 * @param messagesOrphaned messages dropped because their channel's definition was in a skipped chunk
 * @param skippedChunks    chunks that could not be read, in file order
 * @param metadataKept     metadata records copied (umwelt.episode, umwelt.result when it was written)
 * @param lastGoodLogTime  the newest log time among the kept messages; -1 when none was kept
 * @param readEnd          how reading ended: the footer, or where and why the file stopped being readable
 * @param complete         true when the whole input was read up to its DataEnd or Footer
 */
public record RecoveryReport(long messagesKept, long messagesOrphaned, List<SkippedChunk> skippedChunks, int metadataKept,
                             long lastGoodLogTime, String readEnd, boolean complete) {
    public RecoveryReport {
        skippedChunks = List.copyOf(skippedChunks);
    }

    /** A chunk left out: where it starts and why it could not be read. */
    public record SkippedChunk(long offset, String reason) {}

    /** The report as the CLI prints it, one fact a line. */
    public List<String> lines() {
        List<String> out = new java.util.ArrayList<>();
        out.add(String.format(Locale.ROOT, "messages kept: %d", messagesKept));
        out.add(String.format(Locale.ROOT, "chunks skipped: %d", skippedChunks.size()));
        for (SkippedChunk c : skippedChunks) out.add("  chunk at byte " + c.offset() + ": " + c.reason());
        if (messagesOrphaned > 0) {
            out.add("messages dropped: " + messagesOrphaned + " (their channel was defined in a skipped chunk)");
        }
        out.add("metadata records kept: " + metadataKept);
        out.add("last good log_time: " + (lastGoodLogTime < 0 ? "none (no message kept)" : lastGoodLogTime + " ns"));
        out.add("read: " + readEnd);
        return out;
    }
}
