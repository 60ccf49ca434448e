package dev.umwelt.episodes.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code umwelt export}: episode files in, a training set out (episodes/FORMAT.md, "Datasets").
 * Episodes stream one at a time into shards of {@link ExportOptions#shardSamples()} samples, each
 * written as soon as it is full, so memory holds one episode's one-second window and one row per
 * array, never the data set. The first exportable episode fixes the senses (lidar beams, camera
 * field of view, microphones); a damaged file gives what it had up to its damage, an unusable one
 * nothing, each reported in one line, and neither stops the export. {@code meta.json} is written
 * last (through a temporary name), so a dataset with one is complete.
 */
public final class DatasetExporter implements EpisodeStream.Dataset {
    public static final String META = "meta.json", EMBEDDINGS = "instruction_embeddings.npy";

    private final Path out;
    private final ExportOptions options;
    private final SampleInputs sampleInputs;
    private DatasetRobot robot;
    private DatasetLayout layout;
    private List<DatasetLayout.Column> columns;
    private final Map<String, Integer> instructions = new LinkedHashMap<>();
    private final List<DatasetMeta.Shard> shards = new ArrayList<>();
    private NpzShardWriter shard;
    private long samples;

    private DatasetExporter(Path out, ExportOptions options, SampleInputs sampleInputs) {
        this.out = out;
        this.options = options;
        this.sampleInputs = sampleInputs;
    }

    /**
     * Exports {@code files} in the given order into {@code out} (created if needed). {@code progress}
     * gets one line per episode, {@code report} one line per file not exported whole.
     */
    public static ExportSummary export(List<Path> files, Path out, ExportOptions options, Consumer<String> progress,
                                       Consumer<String> report) throws IOException {
        return export(files, out, options, null, progress, report);
    }

    /**
     * As above, with the caller's per-sample {@code inputs} (null: none): then only the ticks they
     * pick are samples, and {@value #EMBEDDINGS} holds one embedding per instruction.
     */
    public static ExportSummary export(List<Path> files, Path out, ExportOptions options, SampleInputs inputs,
                                       Consumer<String> progress, Consumer<String> report) throws IOException {
        Files.createDirectories(out);
        DatasetExporter d = new DatasetExporter(out, options, inputs);
        long wallStart = System.nanoTime();
        List<EpisodeExport> episodes = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                EpisodeExport e;
                long before = d.samples;
                try {
                    e = EpisodeStream.export(f, episodes.size(), before, d);
                } catch (IOException unreadable) { // opening the episode file failed; writes fail unchecked
                    e = new EpisodeExport(f, episodes.size(), "", "", "", "", 0, before, false,
                            "cannot be read: " + unreadable.getMessage(), true, Map.of(), List.of(), 0);
                }
                if (e.skipped()) {
                    report.accept(e.reportLine());
                } else {
                    episodes.add(e);
                    if (!e.complete()) report.accept(e.reportLine());
                }
                progress.accept(String.format(Locale.ROOT, "[%d/%d] %s: %s", i + 1, files.size(), f,
                        e.skipped() ? "skipped" : e.ticks() + (inputs == null ? " ticks" : " samples (query ticks)") + (e.complete() ? (e.success() ? ", success" : ", failure")
                                : ", cut short")));
            }
            d.closeShard();
        } finally {
            if (d.shard != null) d.shard.close(); // an export that failed leaves no half-written shard
        }
        double seconds = (System.nanoTime() - wallStart) / 1e9;
        long inputBytes = episodes.stream().mapToLong(EpisodeExport::bytes).sum();
        long outputBytes = 0;
        for (DatasetMeta.Shard s : d.shards) outputBytes += Files.size(out.resolve(s.file()));
        ExportSummary summary = new ExportSummary(out, d.samples, episodes.size(), files.size() - episodes.size(),
                episodes.stream().filter(e -> !e.complete()).count(), d.shards.size(), inputBytes, outputBytes, seconds);
        if (d.samples > 0) {
            if (inputs != null) d.writeEmbeddings();
            DatasetMeta.write(out.resolve(META), options, d.robot, d.layout, d.columns,
                    List.copyOf(d.instructions.keySet()), episodes, d.shards, d.samples, inputs == null ? null : inputs.meta());
        }
        return summary;
    }

    @Override
    public String admit(DatasetRobot candidate) {
        if (robot == null) {
            robot = candidate;
            layout = DatasetLayout.of(options, candidate);
            columns = new ArrayList<>(layout.columns());
            if (sampleInputs != null) {
                List<SampleInputs.Array> extra = sampleInputs.arrays();
                for (int i = 0; i < extra.size(); i++) columns.add(inputColumn(extra.get(i), i));
            }
            return null;
        }
        String why = robot.differs(candidate);
        return why == null ? null : "its robot does not match the dataset's (" + why + ")";
    }

    /** A caller's array, stored as its {@link SampleInputs.Storage} says. */
    private static DatasetLayout.Column inputColumn(SampleInputs.Array a, int i) {
        int n = a.elements();
        DatasetLayout.Fill fill = switch (a.storage()) {
            case UNIT -> (s, b) -> {
                float[] v = s.inputs[i];
                for (int k = 0; k < n; k++) b.put((byte) Math.floor(255.0 * Math.max(0f, Math.min(1f, v[k])) + 0.5));
            };
            case FLAG -> (s, b) -> {
                float[] v = s.inputs[i];
                for (int k = 0; k < n; k++) b.put((byte) (v[k] > 0.5f ? 1 : 0));
            };
            case FLOAT32 -> (s, b) -> {
                float[] v = s.inputs[i];
                for (int k = 0; k < n; k++) b.putFloat(v[k]);
            };
        };
        return new DatasetLayout.Column(a.name(), a.storage() == SampleInputs.Storage.FLOAT32 ? NpyType.F4 : NpyType.U1,
                a.rowShape(), a.description(), fill);
    }

    @Override
    public SampleInputs.Episode inputs(dev.umwelt.scenarios.Scenario scenario) {
        return sampleInputs == null ? null : sampleInputs.episode(scenario);
    }

    /** float32 [instructions, dimension], row i the embedding of meta.json instructions[i]; through a temporary name. */
    private void writeEmbeddings() throws IOException {
        List<float[]> rows = new ArrayList<>();
        for (String text : instructions.keySet()) rows.add(sampleInputs.embed(text));
        int dim = rows.isEmpty() ? 0 : rows.get(0).length;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(rows.size() * dim * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float[] r : rows) for (float v : r) b.putFloat(v);
        Path file = out.resolve(EMBEDDINGS), partial = out.resolve("." + EMBEDDINGS + ".partial");
        try (var o = Files.newOutputStream(partial)) {
            o.write(new NpyHeader(NpyType.F4, new long[] {rows.size(), dim}).bytes());
            o.write(b.array());
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public DatasetLayout layout() {
        return layout;
    }

    @Override
    public int instruction(String text) {
        return instructions.computeIfAbsent(text, t -> instructions.size());
    }

    @Override
    public void write(TickSample s) {
        try {
            if (shard == null) {
                List<NpzShardWriter.Array> arrays = columns.stream().map(DatasetLayout.Column::array).toList();
                shard = new NpzShardWriter(out.resolve(shardName(shards.size())), arrays);
            }
            for (int i = 0; i < columns.size(); i++) columns.get(i).fill().into(s, shard.row(i));
            shard.commitRow();
            samples++;
            if (shard.rows() == options.shardSamples()) closeShard();
        } catch (IOException e) { // the dataset's disk, not the episode: the export cannot go on
            throw new java.io.UncheckedIOException("writing the dataset in " + out + " failed: " + e.getMessage(), e);
        }
    }

    private void closeShard() throws IOException {
        if (shard == null) return;
        String name = shardName(shards.size());
        shards.add(new DatasetMeta.Shard(name, shard.rows(), samples - shard.rows()));
        shard.finish();
        shard = null;
    }

    static String shardName(int i) {
        return String.format(Locale.ROOT, "shard-%05d.npz", i);
    }
}
