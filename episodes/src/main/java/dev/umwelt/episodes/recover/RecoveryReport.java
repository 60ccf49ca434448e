package dev.umwelt.episodes.recover;

import dev.umwelt.bus.time.Clock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link EpisodeRecovery#recover} kept and lost. Counts from the file itself (messages, chunks,
 * metadata names) come from its summary and are known only when the summary's CRC holds (-1 or
 * empty otherwise).
 *
 * @param messagesKept        messages written to the recovered file
 * @param messagesInFile      messages the file's Statistics count; -1 when its summary was lost
 * @param messagesOrphaned    messages of readable chunks dropped because no definition of their channel survived
 * @param chunksKept          chunks whose CRC holds, copied message by message
 * @param chunksInFile        chunks the summary indexes; -1 when its summary was lost
 * @param damaged             stretches of the file that could not be used, in file order, each with its reason
 * @param lostChunks          chunks the summary indexes that were not recovered
 * @param repairedLengths     records read by their own length fields because their length prefix was wrong
 * @param channelsFromSummary channels whose only surviving definition was the summary's
 * @param metadataKept        metadata records copied (umwelt.episode, umwelt.result when it was written)
 * @param metadataLost        names of metadata records the summary indexes that were not recovered
 * @param firstLogTime        the oldest log time among the kept messages; -1 when none was kept
 * @param lastGoodLogTime     the newest log time among the kept messages; -1 when none was kept
 * @param readEnd             how reading ended: the footer, or where and why the file stopped being readable
 * @param complete            true when the file was read up to its Footer
 */
public record RecoveryReport(long messagesKept, long messagesInFile, long messagesOrphaned, int chunksKept, int chunksInFile,
                             List<Damage> damaged, List<LostChunk> lostChunks, List<String> repairedLengths,
                             int channelsFromSummary, int metadataKept, List<String> metadataLost, long firstLogTime,
                             long lastGoodLogTime, String readEnd, boolean complete) {
    public RecoveryReport {
        damaged = List.copyOf(damaged);
        lostChunks = List.copyOf(lostChunks);
        repairedLengths = List.copyOf(repairedLengths);
        metadataLost = List.copyOf(metadataLost);
    }

    /** Bytes {@code [from, to)} of the file were not used: {@code reason} says what was wrong at {@code from}. */
    public record Damage(long from, long to, String reason) {}

    /** A chunk of the summary's chunk index that was not recovered: its place (1-based) in the file, offset, log times. */
    public record LostChunk(int index, long offset, long startTime, long endTime) {}

    /** A log time as the report prints it: sim seconds since the sim epoch (episodes/FORMAT.md). */
    public static String seconds(long logTime) {
        return logTime >= Clock.SIM_EPOCH_NANOS
                ? String.format(Locale.ROOT, "%.3f s", (logTime - Clock.SIM_EPOCH_NANOS) / 1e9)
                : String.format(Locale.ROOT, "%.3f s (log time, before the sim epoch)", logTime / 1e9);
    }

    /** The report as the CLI prints it, one fact a line. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("messages kept: " + messagesKept + (messagesInFile < 0 ? " (the file's own count was lost with its summary)"
                : " of " + messagesInFile + (messagesInFile > messagesKept ? " (" + (messagesInFile - messagesKept) + " lost)" : "")));
        out.add("chunks kept: " + chunksKept + (chunksInFile < 0 ? "" : " of " + chunksInFile));
        for (Damage d : damaged) {
            out.add("damaged: bytes " + d.from() + "-" + d.to() + " (" + (d.to() - d.from()) + " bytes) skipped: " + d.reason());
        }
        for (LostChunk c : lostChunks) {
            out.add("lost: chunk " + c.index() + " of " + chunksInFile + " at byte " + c.offset() + ", messages from sim time "
                    + seconds(c.startTime()) + " to " + seconds(c.endTime()));
        }
        for (String r : repairedLengths) out.add("length repaired: " + r);
        if (messagesOrphaned > 0) {
            out.add("messages dropped: " + messagesOrphaned + " (no definition of their channel survived)");
        }
        if (channelsFromSummary > 0) {
            out.add("channels from the summary: " + channelsFromSummary + " (their definitions in the data section were lost)");
        }
        out.add("metadata records kept: " + metadataKept + (metadataLost.isEmpty() ? "" : " (lost: " + String.join(", ", metadataLost) + ")"));
        out.add("kept messages span: " + (lastGoodLogTime < 0 ? "none (no message kept)"
                : "sim time " + seconds(firstLogTime) + " to " + seconds(lastGoodLogTime)));
        out.add("read: " + readEnd);
        return out;
    }
}
