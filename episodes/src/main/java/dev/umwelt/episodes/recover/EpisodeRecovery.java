package dev.umwelt.episodes.recover;

import dev.umwelt.episodes.mcap.McapRecord;
import dev.umwelt.episodes.mcap.McapRecord.*;
import dev.umwelt.episodes.mcap.McapWriteOptions;
import dev.umwelt.episodes.mcap.McapWriter;
import dev.umwelt.episodes.recover.RecoveryReport.LostChunk;
import dev.umwelt.episodes.replay.DamagedEpisodeException;
import dev.umwelt.episodes.replay.EpisodeFile;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rescues what is readable from a damaged episode file (killed mid-run, disk full, a flipped bit,
 * a forged length) into a valid MCAP file with summary and footer. A first pass
 * ({@link FileSurvey}) finds every chunk whose CRC holds, wherever it sits after damage, and the
 * schemas and channels of the data section and of the summary; the second copies the metadata,
 * attachments and every message of those chunks with {@link McapWriteOptions#production()}, so
 * indexes and statistics are rebuilt. A channel whose definition was lost with a damaged chunk is
 * taken from the summary when the summary's CRC holds.
 */
public final class EpisodeRecovery {
    private EpisodeRecovery() {}

    /**
     * @throws RecoveryOutputException {@code out} cannot be written (checked before {@code in} is read); {@code in}
     *                                 is never overwritten
     * @throws DamagedEpisodeException ({@code NOT_MCAP}) when nothing in {@code in} reads as MCAP: nothing is written
     */
    public static RecoveryReport recover(Path in, Path out) throws IOException {
        Path partial = RecoveryOutput.partialFileFor(in, out);
        try (DamagedFile file = new DamagedFile(in)) {
            FileSurvey survey = FileSurvey.of(file);
            if (!survey.anythingFound()) {
                throw new DamagedEpisodeException(DamagedEpisodeException.Kind.NOT_MCAP, in.getFileName()
                        + " is not an MCAP file (" + (file.size < 8 ? "only " + file.size + " bytes"
                        : "wrong magic bytes at the start, and no MCAP record anywhere") + "): there is nothing to recover", null);
            }
            Copy copy = new Copy(survey, partial);
            RecordProbe probe = new RecordProbe(file);
            try {
                for (long at : survey.keep) {
                    RecordProbe.Found f = probe.probe(at); // read in the first pass: reads the same again
                    if (f.record() instanceof Chunk) {
                        for (McapRecord r : f.chunkRecords()) copy.take(r);
                    } else {
                        copy.take(f.record());
                    }
                }
                copy.remainingChannels();
            } finally {
                copy.writer.close();
            }
            RecoveryOutput.moveIntoPlace(partial, out);
            return copy.report();
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The second pass: schemas and channels written when first needed, messages streamed through. */
    private static final class Copy {
        final FileSurvey survey;
        final McapWriter writer;
        final boolean[] schemaWritten = new boolean[1 << 16], channelWritten = new boolean[1 << 16];
        final Set<String> metadataNames = new HashSet<>();
        long kept, orphaned, firstLogTime = -1, lastLogTime = -1;
        int metadata, channelsFromSummary;

        Copy(FileSurvey survey, Path out) throws IOException {
            this.survey = survey;
            McapWriteOptions options = McapWriteOptions.production();
            if (survey.header != null) options = options.withHeader(survey.header.profile(), survey.header.library());
            writer = McapWriter.create(out, options);
        }

        void take(McapRecord rec) throws IOException {
            if (rec instanceof Channel ch) {
                define(ch.id());
            } else if (rec instanceof Message m) {
                if (!define(m.channelId())) {
                    orphaned++;
                    return;
                }
                writer.writeMessage(m);
                kept++;
                if (firstLogTime < 0 || Long.compareUnsigned(m.logTime(), firstLogTime) < 0) firstLogTime = m.logTime();
                if (Long.compareUnsigned(m.logTime(), lastLogTime) > 0 || lastLogTime < 0) lastLogTime = m.logTime();
            } else if (rec instanceof Metadata md) {
                writer.writeMetadata(md);
                metadata++;
                metadataNames.add(md.name());
            } else if (rec instanceof Attachment a) {
                writer.writeAttachment(a);
            }
            // Schemas are written with their first channel; MessageIndex, ChunkIndex, Statistics...: rebuilt by the writer.
        }

        /** Writes channel {@code id} (and its schema) unless written; false when no usable definition survived. */
        boolean define(int id) throws IOException {
            if (channelWritten[id]) return true;
            FileSurvey.Summary summary = survey.summary;
            Channel ch = survey.channels.get(id);
            boolean fromSummary = ch == null && summary.trusted;
            if (fromSummary) ch = summary.channels.get(id);
            if (ch == null) return false;
            if (ch.schemaId() != 0 && !schemaWritten[ch.schemaId()]) {
                Schema sc = survey.schemas.get(ch.schemaId());
                if (sc == null && summary.trusted) sc = summary.schemas.get(ch.schemaId());
                if (sc == null) return false; // its messages could not be typed
                writer.writeSchema(sc);
                schemaWritten[sc.id()] = true;
            }
            writer.writeChannel(ch);
            channelWritten[id] = true;
            if (fromSummary) channelsFromSummary++;
            return true;
        }

        /** Channels that lost every message still belong to the episode's topics. */
        void remainingChannels() throws IOException {
            Set<Integer> ids = new java.util.TreeSet<>(survey.channels.keySet());
            if (survey.summary.trusted) ids.addAll(survey.summary.channels.keySet());
            for (int id : ids) define(id);
        }

        RecoveryReport report() {
            FileSurvey.Summary summary = survey.summary;
            boolean known = summary.trusted;
            List<LostChunk> lost = new ArrayList<>();
            int chunksInFile = -1;
            List<String> metadataLost = new ArrayList<>();
            if (known && !summary.chunkIndexes.isEmpty()) {
                List<ChunkIndex> indexes = new ArrayList<>(summary.chunkIndexes);
                indexes.sort(Comparator.comparingLong(ChunkIndex::chunkStartOffset));
                chunksInFile = indexes.size();
                Map<FileSurvey.ChunkKey, Integer> found = new HashMap<>();
                for (FileSurvey.ChunkKey k : survey.keptChunks) found.merge(k, 1, Integer::sum);
                for (int i = 0; i < indexes.size(); i++) {
                    ChunkIndex ci = indexes.get(i);
                    FileSurvey.ChunkKey k = FileSurvey.ChunkKey.of(ci);
                    if (found.getOrDefault(k, 0) > 0) found.merge(k, -1, Integer::sum);
                    else lost.add(new LostChunk(i + 1, ci.chunkStartOffset(), ci.messageStartTime(), ci.messageEndTime()));
                }
            }
            if (known) {
                for (MetadataIndex mi : summary.metadataIndexes) {
                    if (!metadataNames.contains(mi.name())) metadataLost.add(mi.name());
                }
            }
            long inFile = known && summary.statistics != null ? summary.statistics.messageCount() : -1;
            return new RecoveryReport(kept, inFile, orphaned, survey.keptChunks.size(), chunksInFile, survey.damage, lost,
                    survey.repairedLengths, channelsFromSummary, metadata, metadataLost, firstLogTime, lastLogTime,
                    survey.readEnd, survey.complete);
        }
    }

    /** Where the recovered file goes: checked before any work, written beside it and moved into place at the end. */
    static final class RecoveryOutput {
        private RecoveryOutput() {}

        static Path partialFileFor(Path in, Path out) throws RecoveryOutputException {
            String problem = null;
            Path folder = out.toAbsolutePath().getParent();
            try {
                if (Files.isDirectory(out)) problem = "it is a folder; name a file, e.g. " + out.resolve(EpisodeFile.recoveredName(in).getFileName());
                else if (folder == null || !Files.exists(folder)) problem = "its folder " + folder + " does not exist";
                else if (!Files.isDirectory(folder)) problem = folder + " is not a folder";
                else if (Files.exists(out) && Files.isSameFile(in, out)) problem = "that is the damaged file itself; recovery never overwrites it";
                if (problem == null) {
                    return Files.createTempFile(folder, "." + out.getFileName() + ".", ".partial");
                }
            } catch (IOException | SecurityException e) {
                problem = "it cannot be written (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            }
            throw new RecoveryOutputException("cannot write the recovered episode to " + out + ": " + problem, null);
        }

        static void moveIntoPlace(Path partial, Path out) throws IOException {
            try {
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
