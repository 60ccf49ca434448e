package dev.umwelt.episodes.recover;

import dev.umwelt.episodes.mcap.McapException;
import dev.umwelt.episodes.mcap.McapRecord;
import dev.umwelt.episodes.mcap.McapRecord.*;
import dev.umwelt.episodes.mcap.McapStreamReader;
import dev.umwelt.episodes.mcap.McapWriteOptions;
import dev.umwelt.episodes.mcap.McapWriter;
import dev.umwelt.episodes.replay.DamagedEpisodeException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rescues what is readable from a damaged episode file (killed mid-run, disk full, a flipped bit)
 * into a valid MCAP file with summary and footer. Reads front to back: a chunk whose CRC or
 * decompression fails is skipped whole (its length field leads to the next record), a truncated
 * or unreadable tail ends the read. Metadata and every message of every readable chunk are
 * rewritten with {@link McapWriteOptions#production()}, so indexes and statistics are rebuilt.
 */
public final class EpisodeRecovery {
    private EpisodeRecovery() {}

    /**
     * @throws DamagedEpisodeException ({@code NOT_MCAP}) when {@code in} does not start with the MCAP magic:
     *                                 nothing in it can be recovered
     */
    public static RecoveryReport recover(Path in, Path out) throws IOException {
        if (Files.exists(out) && Files.isSameFile(in, out)) {
            throw new IOException("the recovered file must not replace the damaged one: choose another --out than " + in);
        }
        long size = Files.size(in);
        byte[] magic;
        try (var head = Files.newInputStream(in)) {
            magic = head.readNBytes(Opcode.MAGIC.length);
        }
        if (!java.util.Arrays.equals(magic, Opcode.MAGIC)) {
            throw new DamagedEpisodeException(DamagedEpisodeException.Kind.NOT_MCAP, in.getFileName() + " is not an MCAP file ("
                    + (size < Opcode.MAGIC.length ? "only " + size + " bytes" : "wrong magic bytes at the start")
                    + "): there is nothing to recover", null);
        }
        Session s = new Session();
        String readEnd = null;
        boolean complete = false;
        Header header = null;
        List<McapRecord> before = new ArrayList<>(); // records seen before the Header told us the writer's options
        try (McapStreamReader r = McapStreamReader.open(in).rawChunks()) {
            for (McapRecord rec; (rec = r.next()) != null; ) {
                if (rec instanceof Header h) {
                    header = h;
                    continue;
                }
                if (rec instanceof DataEnd || rec instanceof Footer) {
                    // The summary only repeats what the data section had.
                    readEnd = "complete (" + size + " bytes, up to the " + rec.getClass().getSimpleName() + ")";
                    complete = true;
                    break;
                }
                if (rec instanceof Chunk c) {
                    long at = r.lastRecordOffset();
                    try {
                        before.addAll(McapStreamReader.chunkRecords(c, at));
                    } catch (McapException e) {
                        s.skipped.add(new RecoveryReport.SkippedChunk(at, e.getMessage()));
                    }
                } else {
                    before.add(rec);
                }
                if (s.writer == null) s.start(out, header);
                s.takeAll(before);
                before.clear();
            }
        } catch (McapException e) {
            readEnd = "stopped at byte " + e.offset() + " of " + size + ": " + e.getMessage();
        } finally {
            if (s.writer == null) s.start(out, header);
            s.takeAll(before);
            s.writer.close();
        }
        return new RecoveryReport(s.kept, s.orphaned, s.skipped, s.metadata, s.lastLogTime, readEnd, complete);
    }

    /** The output side: schemas and channels by id as they turn up, messages streamed through. */
    private static final class Session {
        McapWriter writer;
        final Map<Integer, Schema> schemas = new HashMap<>();
        final boolean[] schemaWritten = new boolean[1 << 16], channelWritten = new boolean[1 << 16];
        final List<RecoveryReport.SkippedChunk> skipped = new ArrayList<>();
        long kept, orphaned, lastLogTime = -1;
        int metadata;

        void start(Path out, Header header) throws IOException {
            McapWriteOptions options = McapWriteOptions.production();
            if (header != null) options = options.withHeader(header.profile(), header.library());
            writer = McapWriter.create(out, options);
        }

        void takeAll(List<McapRecord> records) throws IOException {
            for (McapRecord rec : records) take(rec);
        }

        void take(McapRecord rec) throws IOException {
            if (rec instanceof Schema sc) {
                schemas.putIfAbsent(sc.id(), sc);
            } else if (rec instanceof Channel ch) {
                if (channelWritten[ch.id()]) return;
                if (ch.schemaId() != 0) {
                    Schema sc = schemas.get(ch.schemaId());
                    if (sc == null) return; // its schema was lost with a skipped chunk: its messages cannot be typed
                    if (!schemaWritten[sc.id()]) {
                        writer.writeSchema(sc);
                        schemaWritten[sc.id()] = true;
                    }
                }
                writer.writeChannel(ch);
                channelWritten[ch.id()] = true;
            } else if (rec instanceof Message m) {
                if (!channelWritten[m.channelId()]) {
                    orphaned++;
                    return;
                }
                writer.writeMessage(m);
                kept++;
                lastLogTime = Math.max(lastLogTime, m.logTime());
            } else if (rec instanceof Metadata md) {
                writer.writeMetadata(md);
                metadata++;
            } else if (rec instanceof Attachment a) {
                writer.writeAttachment(a);
            }
            // MessageIndex, ChunkIndex, Statistics, ...: rebuilt by the writer.
        }
    }
}
