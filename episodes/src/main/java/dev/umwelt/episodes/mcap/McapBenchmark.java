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
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
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
                    run(file, count, payloads, compression, round == 2);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void run(Path file, int count, byte[][] payloads, String compression, boolean print) throws Exception {
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
        if (print) {
            System.out.printf("compression %-6s %d msgs, %.1f MB payload, file %.1f MB: write %.0f MB/s %.0f msg/s; "
                            + "streamed read %.0f msg/s (%.0f MB/s)%n",
                    compression.isEmpty() ? "none" : compression, count, bytes / 1e6, fileSize / 1e6,
                    bytes / 1e6 / writeS, count / writeS, read / readS, bytes / 1e6 / readS);
        }
    }

    private McapBenchmark() {}
}
