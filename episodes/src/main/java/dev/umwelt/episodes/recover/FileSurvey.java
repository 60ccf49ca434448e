package dev.umwelt.episodes.recover;

import dev.umwelt.episodes.mcap.McapException;
import dev.umwelt.episodes.mcap.McapRecord;
import dev.umwelt.episodes.mcap.McapRecord.*;
import dev.umwelt.episodes.recover.RecordProbe.Found;
import dev.umwelt.episodes.recover.RecoveryReport.Damage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Recovery's first pass: walks the damaged file record by record; where a record does not read,
 * the damage is noted and the walk goes on at the next record that damage cannot fake
 * ({@link RecordProbe#nextTrusted}), so every chunk whose CRC holds is found wherever it sits. Nothing
 * is written here: the pass collects what to copy (offsets, in file order), the schemas and channels
 * of the data section, and those of the summary when its CRC holds.
 */
final class FileSurvey {
    /** What a kept chunk looks like to a ChunkIndex: the summary's chunk indexes name the lost ones. */
    record ChunkKey(long start, long end, long uncompressedSize, long compressedSize, String compression) {
        static ChunkKey of(Chunk c) {
            return new ChunkKey(c.messageStartTime(), c.messageEndTime(), c.uncompressedSize(), c.records().length, c.compression());
        }

        static ChunkKey of(ChunkIndex ci) {
            return new ChunkKey(ci.messageStartTime(), ci.messageEndTime(), ci.uncompressedSize(), ci.compressedSize(), ci.compression());
        }
    }

    /** The summary section: its schemas and channels are used only when {@code trusted} (its CRC holds). */
    static final class Summary {
        final Map<Integer, Schema> schemas = new HashMap<>();
        final Map<Integer, Channel> channels = new HashMap<>();
        final List<ChunkIndex> chunkIndexes = new ArrayList<>();
        final List<MetadataIndex> metadataIndexes = new ArrayList<>();
        Statistics statistics;
        boolean trusted;

        void take(McapRecord r) {
            if (r instanceof Schema s) schemas.putIfAbsent(s.id(), s);
            else if (r instanceof Channel c) channels.putIfAbsent(c.id(), c);
            else if (r instanceof ChunkIndex ci) chunkIndexes.add(ci);
            else if (r instanceof MetadataIndex mi) metadataIndexes.add(mi);
            else if (r instanceof Statistics st) statistics = st;
        }
    }

    Header header;
    boolean magic;
    /** Offsets of the records to copy, in file order: chunks, metadata, attachments, unchunked schemas, channels and messages. */
    final List<Long> keep = new ArrayList<>();
    final Map<Integer, Schema> schemas = new HashMap<>();
    final Map<Integer, Channel> channels = new HashMap<>();
    final List<ChunkKey> keptChunks = new ArrayList<>();
    private final List<Long> looseMessages = new ArrayList<>(), uncheckedChunks = new ArrayList<>();
    final List<Damage> damage = new ArrayList<>();
    final List<String> repairedLengths = new ArrayList<>();
    Summary summary = new Summary();
    String readEnd;
    boolean complete;

    private final DamagedFile file;
    private final RecordProbe probe;
    private long summaryStart = -1;
    private boolean summaryDamaged;

    private FileSurvey(DamagedFile file) {
        this.file = file;
        this.probe = new RecordProbe(file);
    }

    static FileSurvey of(DamagedFile file) throws IOException {
        FileSurvey s = new FileSurvey(file);
        s.walk();
        s.settleUncheckedChunks();
        s.dropLooseMessages();
        return s;
    }

    /** True when anything at all was found that makes this an MCAP file. */
    boolean anythingFound() {
        return magic || header != null || !keep.isEmpty() || summary.trusted;
    }

    private void walk() throws IOException {
        magic = file.has(0, 8) && Arrays.equals(file.bytes(0, 8), Opcode.MAGIC);
        long p = 8;
        if (!magic && !(file.has(8, 9) && file.u8(8) == Opcode.HEADER && probe.readsAt(8))) {
            p = probe.nextTrusted(0, file.size);
            if (p < 0) {
                readEnd = "no MCAP record found anywhere in the file";
                return;
            }
        }
        if (!magic) damage.add(new Damage(0, Math.min(p, 8), "the leading magic is wrong"));
        while (true) {
            if (p >= file.size) {
                readEnd = "the file ends at byte " + file.size + " without a Footer: it was cut short";
                return;
            }
            Found f;
            try {
                f = probe.probe(p);
                checkPlace(f);
            } catch (McapException e) {
                if (summaryStart >= 0) summaryDamaged = true;
                long q = probe.nextTrusted(p + 1, file.size);
                if (q < 0) {
                    readEnd = "stopped at byte " + p + " (" + e.getMessage() + "); " + (probe.searchExhausted()
                            ? "gave up searching the rest for chunks (read 16 times the file's size)"
                            : "nothing readable follows in its " + (file.size - p) + " bytes");
                    readSummaryFromFooter();
                    return;
                }
                damage.add(new Damage(p, q, e.getMessage()));
                p = q;
                continue;
            }
            long next;
            try {
                next = nextRecord(f);
            } catch (McapException e) {
                long q = probe.nextTrusted(p + 1, file.size);
                damage.add(new Damage(p, q < 0 ? file.size : q, e.getMessage()));
                if (q < 0) {
                    readEnd = "stopped at byte " + p + "; nothing readable follows";
                    readSummaryFromFooter();
                    return;
                }
                p = q;
                continue;
            }
            if (f.lengthNote() != null) repairedLengths.add(f.record().typeName() + " at byte " + p + ": " + f.lengthNote());
            take(f);
            if (f.record() instanceof Footer footer) {
                complete = true;
                summary.trusted = summaryStart >= 0 && !summaryDamaged && summaryCrcHolds(summaryStart, p, footer);
                if (!summary.trusted) readSummaryFromFooter(footer, p);
                readEnd = "complete (" + file.size + " bytes, up to the Footer)";
                return;
            }
            p = next;
        }
    }

    /**
     * Where the record after {@code f} starts. When its length prefix and its own length fields
     * disagree (a damaged prefix, a damaged inner length, or padding), the end a record follows is
     * believed; a chunk whose CRC holds proves its fields, anything else with no record after either
     * end is damage.
     */
    private long nextRecord(Found f) throws IOException {
        if (f.fieldsEnd() == f.declaredEnd()) return f.fieldsEnd();
        if (probe.readsAt(f.fieldsEnd())) return f.fieldsEnd();
        if (f.declaredEnd() > f.fieldsEnd() && probe.readsAt(f.declaredEnd())) return f.declaredEnd(); // padding
        if (f.record() instanceof Chunk) return f.fieldsEnd();
        throw new McapException(f.offset(), f.record().typeName(), "its length prefix and its length fields disagree ("
                + (f.declaredEnd() < 0 ? "past the end" : f.declaredEnd() - f.offset() - 9 + " bytes") + " vs "
                + (f.fieldsEnd() - f.offset() - 9) + "), and no record follows either");
    }

    /** A record of a type that has no place here is damage that happens to decode (a flipped opcode). */
    private void checkPlace(Found f) throws IOException {
        McapRecord r = f.record();
        long p = f.offset();
        String where = null;
        if (r instanceof Footer && !probe.footerAtEnd(p)) where = "away from the end of the file";
        else if (r instanceof Header && p != 8) where = "after the start of the file";
        else if (summaryStart < 0 && (r instanceof ChunkIndex || r instanceof AttachmentIndex || r instanceof MetadataIndex
                || r instanceof Statistics || r instanceof SummaryOffset)) where = "in the data section";
        else if (r instanceof Message && !keptChunks.isEmpty()) where = "outside any chunk, in a file whose messages are in chunks";
        else if (summaryStart >= 0 && r instanceof Chunk) {
            // A chunk whose CRC holds after a DataEnd: that DataEnd was damage that looked like one.
            summaryStart = -1;
            summaryDamaged = false;
            summary = new Summary();
        } else if (summaryStart >= 0 && (r instanceof Message || r instanceof MessageIndex
                || r instanceof Metadata || r instanceof Attachment || r instanceof DataEnd || r instanceof Header)) {
            where = "in the summary section";
        }
        if (where != null) throw new McapException(p, r.typeName(), "a " + r.typeName() + " record " + where);
    }

    /**
     * A chunk without a CRC (zero: "not computed") is kept only from a file none of whose chunks has one;
     * where the writer computed CRCs, a zero is damage and the chunk cannot be checked. Its schemas and
     * channels count only when it is kept.
     */
    private void settleUncheckedChunks() throws IOException {
        for (long at : uncheckedChunks) {
            if (!keptChunks.isEmpty()) {
                damage.add(new Damage(at, at + 9, "Chunk record at byte offset " + at
                        + ": its CRC is zero (not computed), though this file's other chunks have one"));
                continue;
            }
            RecordProbe.Found f = probe.probe(at);
            keep.add(at);
            for (McapRecord inner : f.chunkRecords()) definition(inner);
        }
        if (keptChunks.isEmpty()) {
            for (long at : uncheckedChunks) keptChunks.add(ChunkKey.of((Chunk) probe.probe(at).record()));
        }
        keep.sort(null);
        damage.sort(java.util.Comparator.comparingLong(Damage::from));
    }

    /** Messages outside chunks, in a file whose messages are in chunks, are damage that decoded as a Message. */
    void dropLooseMessages() {
        if (keptChunks.isEmpty() && summary.chunkIndexes.isEmpty()) return;
        for (long at : looseMessages) {
            keep.remove(Long.valueOf(at));
            damage.add(new Damage(at, at + 9, "a Message record outside any chunk, in a file that keeps its messages in chunks"));
        }
    }

    private void take(Found f) {
        McapRecord r = f.record();
        if (summaryStart >= 0) {
            summary.take(r);
            return;
        }
        if (r instanceof Header h) {
            if (header == null && f.offset() == 8) header = h;
        } else if (r instanceof DataEnd) {
            summaryStart = f.declaredEnd();
        } else if (r instanceof Chunk c) {
            if (c.uncompressedCrc() == 0) {
                uncheckedChunks.add(f.offset());
                return;
            }
            keep.add(f.offset());
            keptChunks.add(ChunkKey.of(c));
            for (McapRecord inner : f.chunkRecords()) definition(inner);
        } else if (r instanceof Message) {
            keep.add(f.offset());
            looseMessages.add(f.offset());
        } else if (r instanceof Metadata || r instanceof Attachment) {
            keep.add(f.offset());
        } else if (r instanceof Schema || r instanceof Channel) {
            keep.add(f.offset());
            definition(r);
        }
    }

    private void definition(McapRecord r) {
        if (r instanceof Schema s) schemas.putIfAbsent(s.id(), s);
        else if (r instanceof Channel c) channels.putIfAbsent(c.id(), c);
    }

    /** When the walk did not read a summary that verifies: the one the Footer points at, if its CRC holds. */
    private void readSummaryFromFooter() throws IOException {
        long q = file.size - 8 - 29;
        if (q < 8 || file.u8(q) != Opcode.FOOTER || !probe.footerAtEnd(q)) return;
        try {
            if (probe.probe(q).record() instanceof Footer footer) readSummaryFromFooter(footer, q);
        } catch (McapException e) {
            // no usable Footer: no summary
        }
    }

    private void readSummaryFromFooter(Footer footer, long footerOffset) throws IOException {
        long start = footer.summaryStart();
        if (start < 8 || start >= footerOffset || !summaryCrcHolds(start, footerOffset, footer)) return;
        Summary s = new Summary();
        for (long p = start; p < footerOffset; ) {
            Found f;
            try {
                f = probe.probe(p);
            } catch (McapException e) {
                return;
            }
            s.take(f.record());
            if (f.declaredEnd() <= p) return;
            p = f.declaredEnd();
        }
        s.trusted = true;
        summary = s;
    }

    /** The Footer's summary CRC over [start, the Footer's summary_crc field); a zero CRC holds when nothing was damaged. */
    private boolean summaryCrcHolds(long start, long footerOffset, Footer footer) throws IOException {
        if (footer.summaryCrc() == 0) return true;
        CRC32 crc = new CRC32();
        long end = footerOffset + 9 + 16;
        for (long p = start; p < end; ) {
            int n = (int) Math.min(1 << 16, end - p);
            crc.update(file.bytes(p, n));
            p += n;
        }
        return crc.getValue() == footer.summaryCrc();
    }
}
