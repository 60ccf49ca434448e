package dev.umwelt.episodes.mcap;

import java.util.Arrays;

/**
 * The open chunk: its records (uncompressed), its message time range and, per channel, the
 * (log_time, offset) message index entries. Every array is kept and reused across chunks.
 */
final class ChunkBuilder {
    final McapBuffer records = new McapBuffer(1 << 20);
    long messageStartTime, messageEndTime, firstLogTime;
    int messageCount;

    /** Channels with messages in this chunk, in order of their first message; slot k is channels[k]. */
    int channelCount;
    int[] channels = new int[8];
    long[][] entries = new long[8][];
    int[] entryCounts = new int[8];
    private final int[] slotOfChannel = new int[1 << 16]; // slot + 1, 0 = none in this chunk

    boolean isEmpty() {
        return records.size == 0;
    }

    void addMessage(int channelId, long sequence, long logTime, long publishTime, byte[] data, int off, int len) {
        int offset = records.size;
        RecordEncoder.encodeMessage(records, channelId, sequence, logTime, publishTime, data, off, len);
        if (messageCount == 0) {
            firstLogTime = messageStartTime = messageEndTime = logTime;
        } else {
            messageStartTime = Math.min(messageStartTime, logTime);
            messageEndTime = Math.max(messageEndTime, logTime);
        }
        messageCount++;
        int slot = slotOfChannel[channelId] - 1;
        if (slot < 0) slot = newSlot(channelId);
        long[] e = entries[slot];
        int n = entryCounts[slot];
        if (n + 2 > e.length) entries[slot] = e = Arrays.copyOf(e, e.length * 2);
        e[n] = logTime;
        e[n + 1] = offset;
        entryCounts[slot] = n + 2;
    }

    private int newSlot(int channelId) {
        int slot = channelCount++;
        if (slot == channels.length) {
            channels = Arrays.copyOf(channels, slot * 2);
            entries = Arrays.copyOf(entries, slot * 2);
            entryCounts = Arrays.copyOf(entryCounts, slot * 2);
        }
        if (entries[slot] == null) entries[slot] = new long[64];
        channels[slot] = channelId;
        entryCounts[slot] = 0;
        slotOfChannel[channelId] = slot + 1;
        return slot;
    }

    void reset() {
        records.clear();
        for (int i = 0; i < channelCount; i++) slotOfChannel[channels[i]] = 0;
        channelCount = 0;
        messageCount = 0;
        messageStartTime = messageEndTime = firstLogTime = 0;
    }
}
