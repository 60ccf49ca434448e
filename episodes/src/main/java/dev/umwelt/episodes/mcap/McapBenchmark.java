package dev.umwelt.episodes.mcap;

import dev.umwelt.episodes.mcap.McapRecord.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Write and read throughput: 100k messages of 1-3 KB on 4 channels (10 ms apart in log time),
 * to a temp file, uncompressed and zstd. Run: {@code java -cp ... dev.umwelt.episodes.mcap.McapBenchmark [messages]}.
 */
public final class McapBenchmark {
    public static final int DEFAULT_MESSAGES = 100_000;

    /** One compression's figures (third round: JIT warm). */
    public record Row(String compression, int messages, double payloadMb, double fileMb, double writeMbPerS,
                      double writeMsgPerS, double readMsgPerS, double readMbPerS) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "compression %-6s %d msgs, %.1f MB payload, file %.1f MB: write %.0f MB/s"
                            + " %.0f msg/s; streamed read %.0f msg/s (%.0f MB/s)", compression, messages, payloadMb, fileMb,
                    writeMbPerS, writeMsgPerS, readMsgPerS, readMbPerS);
        }
    }

    public static void main(String[] args) throws Exception {
        for (Row row : run(args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_MESSAGES)) System.out.println(row);
    }

    /** Three rounds of uncompressed and zstd writes and streamed reads; the figures of the last round. */
    public static java.util.List<Row> run(int count) throws java.io.IOException {
        java.util.List<Row> rows = new java.util.ArrayList<>();
        SplittableRandom random = new SplittableRandom(1);
        byte[][] payloads = new byte[64][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = new byte[1024 + random.nextInt(2048)];
            for (int j = 0; j < payloads[i].length; j++) payloads[i][j] = (byte) (random.nextInt(16) + j / 64);
        }
        Path file = Files.createTempFile("mcap-bench", ".mcap");
        try {
            for (int round = 0; round < 3; round++) {
                for (String compression : new String[] {"", "zstd"}) {
                    Row row = run(file, count, payloads, compression);
                    if (round == 2) rows.add(row);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return rows;
    }

    private static Row run(Path file, int count, byte[][] payloads, String compression) throws java.io.IOException {
        McapWriteOptions options = McapWriteOptions.production().withCompression(compression);
        long bytes = 0;
        long t0 = System.nanoTime();
        try (McapWriter w = McapWriter.create(file, options)) {
            int schema = w.addSchema("bench/Blob", "ros1msg", "uint8[] data".getBytes());
            int[] channels = new int[4];
            for (int c = 0; c < channels.length; c++) channels[c] = w.addChannel(schema, "/bench/" + c, "ros1", Map.of());
            for (int i = 0; i < count; i++) {
                byte[] data = payloads[i % payloads.length];
                w.writeMessage(channels[i % 4], i, i * 10_000_000L, i * 10_000_000L, data, 0, data.length);
                bytes += data.length;
            }
        }
        double writeS = (System.nanoTime() - t0) / 1e9;
        long fileSize = Files.size(file);

        long t1 = System.nanoTime();
        long read = 0;
        try (McapStreamReader r = McapStreamReader.open(file)) {
            for (McapRecord rec; (rec = r.next()) != null; ) if (rec instanceof Message) read++;
        }
        double readS = (System.nanoTime() - t1) / 1e9;
        if (read != count) throw new IllegalStateException("read " + read + " of " + count + " messages");
        return new Row(compression.isEmpty() ? "none" : compression, count, bytes / 1e6, fileSize / 1e6,
                bytes / 1e6 / writeS, count / writeS, read / readS, bytes / 1e6 / readS);
    }

    private McapBenchmark() {}
}
