package dev.umwelt.episodes.replay;

import dev.umwelt.bus.ros1.Ros1Codec;
import dev.umwelt.bus.ros1.Ros1Codecs;
import dev.umwelt.episodes.mcap.McapException;
import dev.umwelt.episodes.mcap.McapIndexedReader;
import dev.umwelt.episodes.mcap.McapRecord;
import dev.umwelt.episodes.mcap.McapRecord.Channel;
import dev.umwelt.episodes.mcap.McapRecord.Message;
import dev.umwelt.episodes.mcap.McapRecord.Metadata;
import dev.umwelt.episodes.mcap.McapRecord.Schema;
import dev.umwelt.episodes.mcap.McapStreamReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An episode file (episodes/FORMAT.md), opened read-only. {@link #open} reads the whole file once
 * with every CRC checked, so a damaged file is reported before anything is replayed, with what is
 * wrong and how to recover it; after that, topics are read through the indexes in log-time order.
 */
public final class EpisodeFile {
    /** One topic of the file: its ROS type and how many messages it has. */
    public record Topic(String topic, String type, long messages) {}

    /** A decoded message and its log time (sim ns). */
    public record Timed<T>(long logTime, T value) {}

    private final Path path;
    private final Map<String, String> episode;
    private final Map<String, String> result;
    private final Map<String, Topic> topics;
    private final long firstLogTime, lastLogTime;

    private EpisodeFile(Path path, Map<String, String> episode, Map<String, String> result, Map<String, Topic> topics,
                        long firstLogTime, long lastLogTime) {
        this.path = path;
        this.episode = episode;
        this.result = result;
        this.topics = topics;
        this.firstLogTime = firstLogTime;
        this.lastLogTime = lastLogTime;
    }

    /**
     * Validates and opens {@code path}: the verifying read. Every CRC must be present and hold
     * ({@link McapStreamReader#requireCrcs}), so a change to any byte of an episode is reported;
     * every length is checked against the file and {@code McapLimits} before anything is allocated.
     *
     * @throws DamagedEpisodeException the file is cut short, corrupted, not MCAP or not an episode
     * @throws IOException             the file cannot be read at all (missing, permissions)
     */
    public static EpisodeFile open(Path path) throws IOException {
        long size = Files.size(path);
        Map<String, String> episode = null, result = null;
        Map<Integer, Channel> channels = new HashMap<>();
        Map<Integer, Schema> schemas = new HashMap<>();
        Map<Integer, Long> counts = new HashMap<>();
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        try (McapStreamReader r = McapStreamReader.open(path).requireCrcs()) {
            for (McapRecord rec; (rec = r.next()) != null; ) {
                if (rec instanceof Message m) {
                    counts.merge(m.channelId(), 1L, Long::sum);
                    first = Math.min(first, m.logTime());
                    last = Math.max(last, m.logTime());
                } else if (rec instanceof Channel c) {
                    channels.putIfAbsent(c.id(), c);
                } else if (rec instanceof Schema s) {
                    schemas.putIfAbsent(s.id(), s);
                } else if (rec instanceof Metadata md && md.name().equals(EpisodeFormat.EPISODE_METADATA) && episode == null) {
                    episode = Map.copyOf(md.metadata());
                } else if (rec instanceof Metadata md && md.name().equals(EpisodeFormat.RESULT_METADATA)) {
                    result = Map.copyOf(md.metadata());
                }
            }
        } catch (McapException e) {
            throw damaged(path, size, e);
        }
        String name = path.getFileName().toString();
        if (episode == null) {
            throw new DamagedEpisodeException(DamagedEpisodeException.Kind.NOT_AN_EPISODE, name
                    + " is an MCAP file but not an Umwelt episode: it has no '" + EpisodeFormat.EPISODE_METADATA
                    + "' metadata record (see episodes/FORMAT.md)", null);
        }
        String format = episode.getOrDefault(EpisodeFormat.K_FORMAT, "");
        if (!format.equals(EpisodeFormat.FORMAT)) {
            throw new DamagedEpisodeException(DamagedEpisodeException.Kind.NOT_AN_EPISODE, name + " has episode format '"
                    + format + "'; this Umwelt reads " + EpisodeFormat.FORMAT + " (use the Umwelt version that recorded it)", null);
        }
        Map<String, Topic> topics = new LinkedHashMap<>();
        channels.values().stream().sorted((a, b) -> Integer.compare(a.id(), b.id())).forEach(c -> {
            Schema s = schemas.get(c.schemaId());
            topics.put(c.topic(), new Topic(c.topic(), s == null ? "" : s.name(), counts.getOrDefault(c.id(), 0L)));
        });
        return new EpisodeFile(path, episode, result, topics, first == Long.MAX_VALUE ? 0 : first,
                last == Long.MIN_VALUE ? 0 : last);
    }

    /** Turns a reader's problem into one line saying what is wrong with the episode and what to do. */
    static DamagedEpisodeException damaged(Path path, long size, McapException e) {
        String name = path.getFileName().toString();
        String recover = "recover it with: ./umwelt recover " + path + " --out " + recoveredName(path);
        String why = e.getMessage();
        if (e.offset() == 0 && why.contains("leading magic")) {
            return new DamagedEpisodeException(DamagedEpisodeException.Kind.NOT_MCAP, name
                    + " is not an MCAP file (" + (size < 8 ? "only " + size + " bytes" : "wrong magic bytes at the start")
                    + "): pass an episode file recorded with --record", e);
        }
        boolean cut = why.contains("truncated") || why.contains("file ends") || why.contains("past the end of the " + size + "-byte file");
        if (cut && !endsWithMagic(path, size)) {
            return new DamagedEpisodeException(DamagedEpisodeException.Kind.CUT_SHORT, name + " is cut short at byte " + size
                    + " (no summary or footer): the episode was not closed; " + recover, e);
        }
        return new DamagedEpisodeException(DamagedEpisodeException.Kind.CORRUPTED, name + " is damaged at byte "
                + e.offset() + " (" + why + "); " + recover, e);
    }

    /** A file that still ends with the closing magic was not cut short: a length inside it is wrong. */
    private static boolean endsWithMagic(Path path, long size) {
        if (size < 16) return false;
        try (var ch = java.nio.channels.FileChannel.open(path)) {
            ByteBuffer tail = ByteBuffer.allocate(8);
            while (tail.hasRemaining() && ch.read(tail, size - 8 + tail.position()) > 0) { }
            return java.util.Arrays.equals(tail.array(), McapRecord.Opcode.MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code dir/episode.mcap} -> {@code dir/episode-recovered.mcap}. */
    public static Path recoveredName(Path path) {
        String n = path.getFileName().toString();
        String stem = n.endsWith(".mcap") ? n.substring(0, n.length() - 5) : n;
        return path.resolveSibling(stem + "-recovered.mcap");
    }

    public Path path() { return path; }

    /** The {@code umwelt.episode} metadata (keys: {@link EpisodeFormat}). */
    public Map<String, String> episode() { return episode; }

    /** The {@code umwelt.result} metadata; empty when the episode did not complete. */
    public Optional<Map<String, String>> result() { return Optional.ofNullable(result); }

    /** Topics in channel order. */
    public List<Topic> topics() { return List.copyOf(topics.values()); }

    public long firstLogTime() { return firstLogTime; }

    public long lastLogTime() { return lastLogTime; }

    public String get(String key) {
        return episode.getOrDefault(key, "");
    }

    /**
     * The messages of {@code topic} decoded as {@code type}, in log-time order (equal times in file
     * order); an absent topic gives an empty list.
     *
     * @throws DamagedEpisodeException a message does not decode as the topic's type
     */
    public <T> List<Timed<T>> messages(String topic, Class<T> type) throws IOException {
        Topic t = topics.get(topic);
        if (t == null || t.messages() == 0) return List.of();
        Ros1Codec<T> codec = Ros1Codecs.forClass(type);
        if (!codec.type().equals(t.type())) {
            throw new DamagedEpisodeException(DamagedEpisodeException.Kind.NOT_AN_EPISODE, path.getFileName() + ": topic "
                    + topic + " has type " + t.type() + ", expected " + codec.type() + " (see episodes/FORMAT.md)", null);
        }
        List<Message> raw;
        try (McapIndexedReader r = McapIndexedReader.open(path)) {
            raw = r.readMessages(0, -1L, Set.of(topic));
        } catch (McapException e) {
            throw damaged(path, Files.size(path), e);
        }
        List<Timed<T>> out = new ArrayList<>(raw.size());
        for (Message m : raw) {
            try {
                out.add(new Timed<>(m.logTime(), codec.decode(ByteBuffer.wrap(m.data()).order(ByteOrder.LITTLE_ENDIAN))));
            } catch (RuntimeException e) {
                throw new DamagedEpisodeException(DamagedEpisodeException.Kind.CORRUPTED, path.getFileName() + ": a "
                        + t.type() + " message on " + topic + " at log time " + m.logTime() + " does not decode ("
                        + e.getMessage() + ")", e);
            }
        }
        return out;
    }
}
