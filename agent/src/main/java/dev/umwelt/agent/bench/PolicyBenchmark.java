package dev.umwelt.agent.bench;

import dev.umwelt.agent.Policies;
import dev.umwelt.agent.episode.EpisodeObserver;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.policy.vla.BadModelException;
import dev.umwelt.policy.vla.InstructionEncoder;
import dev.umwelt.policy.vla.ModelDirectory;
import dev.umwelt.policy.vla.OnnxParameters;
import dev.umwelt.policy.vla.QuerySampler;
import dev.umwelt.policy.vla.VlaBenchmark;
import dev.umwelt.policy.vla.VlaBenchmark.Latency;
import dev.umwelt.policy.vla.VlaModel;
import dev.umwelt.policy.vla.VlaPolicy;
import dev.umwelt.agent.suite.GeneratedSuite;
import dev.umwelt.agent.suite.SuiteEntry;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.generate.Split;
import dev.umwelt.bus.robot.RobotDescription;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * {@code ./umwelt bench policy}: what the learned policy costs. One VLA query at batch 1 on one
 * intra-op thread (p50, p99), timed on the inputs of a short simulated VLA episode ({@link
 * QuerySampler}), beside PyTorch eager on the same network and inputs ({@link TorchEager}); the
 * sentence encoder per sentence, uncached; then the whole loop (simulator with camera, bus,
 * observation, world model, policy, safety chain) with the VLA beside the explorer, in
 * real-time factor, on the same scenario, seeds and simulated seconds, runs interleaved.
 */
public final class PolicyBenchmark {
    /** The sampling episode: at most this long, and the queries kept from it. */
    static final double SAMPLE_SECONDS = 40;
    static final int MAX_SAMPLES = 200;
    static final long SAMPLE_SEED = 1000;
    /**
     * Untimed queries first, then rounds of timed ones; the round with the median p99 is reported.
     * Pinned to one core, the JIT compiles what the sampling episode ran on that same core: with 1000
     * warm-up queries the first 10,000 had a p99 of 2.9 ms, the next rounds 0.16-0.27 ms.
     */
    static final int QUERY_WARMUP = 5000, QUERIES = 10_000, QUERY_ROUNDS = 3;
    static final int TORCH_WARMUP = 300, TORCH_QUERIES = 3000;
    static final int SENTENCES = 300, SENTENCE_WARMUP = 20;
    /** Untimed simulated seconds per loop before its runs, at most (with 120 the first timed runs were still 30% slow). */
    static final double MAX_LOOP_WARMUP = 300;
    public static final String TEST_MODEL = "policy/src/test/resources/vla/tiny";

    private PolicyBenchmark() {}

    /** The model directory to measure and, when it is a fallback, the line that says so (else null). */
    public record ModelChoice(Path dir, String note) {}

    /**
     * {@code given} when set; else the shipped default ({@value Policies#DEFAULT_MODEL}); before a
     * trained model has shipped, the committed test model: random weights, but vla_net.py's default
     * architecture, which is what the latency figure is about.
     */
    public static ModelChoice choose(Path home, Path given) {
        if (given != null) return new ModelChoice(given, null);
        Path shipped = home.resolve(Policies.DEFAULT_MODEL);
        if (Files.isDirectory(shipped)) return new ModelChoice(shipped, null);
        Path test = home.resolve(TEST_MODEL);
        if (Files.isRegularFile(test.resolve(ModelDirectory.MODEL))) {
            return new ModelChoice(test, "no trained model at " + Policies.DEFAULT_MODEL + " yet: measuring the test model "
                    + TEST_MODEL + " (vla_net.py's default architecture, random weights)");
        }
        throw new BadModelException(shipped, "directory", "no default model yet and no test model (" + TEST_MODEL
                + ") to fall back on: give --model DIR");
    }

    /**
     * Where the episodes run: {@code measured} episode i for the timed loop runs (each run starts at
     * episode 0, so every run and both policies drive the same episodes), {@code warmup} episode i
     * for the sampling episode (0) and the loops' warm-up, each with its time limit cut to the
     * benchmark's seconds; {@code robots} all the robots they use.
     */
    public record Episodes(String description, LongFunction<SuiteEntry> measured, LongFunction<SuiteEntry> warmup,
                           List<RobotDescription> robots) {
        /** The generated ObjectNav episodes of the test split (the warm-up from the val split), generator seed 0. */
        public static Episodes generated() {
            List<SuiteEntry> test = GeneratedSuite.generate(GENERATED, 0, Split.TEST, "objectnav").entries();
            List<SuiteEntry> val = GeneratedSuite.generate(GENERATED, 0, Split.VAL, "objectnav").entries();
            List<RobotDescription> robots = new ArrayList<>();
            for (SuiteEntry e : test) if (!robots.contains(e.scenario().robot())) robots.add(e.scenario().robot());
            return new Episodes("generated objectnav (test split, generator seed 0, " + GENERATED + " episodes in turn)",
                    i -> test.get((int) (i % test.size())), i -> val.get((int) (i % val.size())), robots);
        }

        /** One scenario: seeds 1, 2, ... measured, 1000, 1001, ... for the warm-up. */
        public static Episodes of(Scenario s) {
            return new Episodes(s.name() + " (seeds 1, 2, ...)", i -> new SuiteEntry(s, 1 + i, Map.of()),
                    i -> new SuiteEntry(s, SAMPLE_SEED + i, Map.of()), List.of(s.robot()));
        }
    }

    static final int GENERATED = 40;

    /**
     * Measures and prints. {@code seconds} simulated seconds per loop run (and the most any one
     * episode may last), {@code runs} runs, each loop first warmed up for {@code min(warmup, 300)}
     * simulated seconds.
     */
    public static void run(PrintWriter out, ModelChoice choice, Episodes episodes, double seconds, double warmup, int runs,
                           Path home) {
        try (VlaModel model = ModelDirectory.load(choice.dir(), ModelDirectory.Inference.CPU);
             EpisodeRunner runner = new EpisodeRunner(1)) {
            for (RobotDescription r : episodes.robots()) model.checkRobot(r);
            Path onnx = choice.dir().resolve(ModelDirectory.MODEL);
            long parameters = OnnxParameters.count(onnx);
            out.printf(Locale.ROOT, "bench policy: model %s ('%s', %d parameters, %d KB, SHA-256 %s), ONNX Runtime %s on the %s;"
                    + " %d processors available%n", choice.dir(), model.manifest().name(), parameters, size(onnx) / 1024,
                    model.sha256().substring(0, 12), VlaBenchmark.onnxRuntimeVersion(), model.device(),
                    Runtime.getRuntime().availableProcessors());
            if (choice.note() != null) out.println("  (" + choice.note() + ")");
            out.flush();

            QuerySampler sampler = new QuerySampler(new VlaPolicy(model), MAX_SAMPLES);
            EpisodeSpec sampling = spec(episodes.warmup().apply(0), VlaPolicy.NAME, SAMPLE_SECONDS);
            var episode = runner.run(sampling, sampler, null, EpisodeObserver.NONE);
            var samples = sampler.samples();
            out.printf(Locale.ROOT, "  query inputs: %d queries of a %.1f s vla episode of %s (seed %d), built by the policy's"
                    + " input code%n", samples.size(), episode.metrics().timeSeconds(), sampling.scenario().name(), sampling.seed());
            VlaBenchmark.queries(model, samples, QUERY_WARMUP, 1);
            List<Latency> rounds = new ArrayList<>();
            for (int i = 0; i < QUERY_ROUNDS; i++) {
                rounds.add(VlaBenchmark.queries(model, samples, 0, QUERIES));
                line(out, "vla query, ONNX Runtime, 1 thread", rounds.get(i) + ", batch 1, round " + (i + 1) + " of " + QUERY_ROUNDS);
            }
            rounds.sort(Comparator.comparingDouble(Latency::p99Ms));
            Latency query = rounds.get(rounds.size() / 2);
            Latency build = Latency.of(sampler.buildNanos());
            line(out, "query inputs built (in that episode)", build.toString());
            TorchEager.Figures torch = TorchEager.run(home, model, samples, TORCH_WARMUP, TORCH_QUERIES);
            line(out, "vla query, PyTorch eager, 1 thread", torch.detail());
            Latency text = VlaBenchmark.sentences(VlaBenchmark.instructions(SENTENCES), SENTENCE_WARMUP);
            line(out, "text encoder " + InstructionEncoder.NAME, text + ", different sentences, uncached");

            out.printf(Locale.ROOT, "  loops on %s, camera on, at most %.0f s per episode:%n", episodes.description(), seconds);
            Loops loops = loops(out, runner, model, episodes, seconds, Math.min(warmup, MAX_LOOP_WARMUP), runs);

            out.println();
            out.printf(Locale.ROOT, "parameters:   %d (model.onnx's weights)%n", parameters);
            out.printf(Locale.ROOT, "vla query:    p50 %.3f ms, p99 %.3f ms at batch 1 on one intra-op thread (target p99 <= 2 ms;"
                    + " the median of %d rounds, p99 %.3f-%.3f ms)%n", query.p50Ms(), query.p99Ms(), QUERY_ROUNDS,
                    rounds.get(0).p99Ms(), rounds.get(rounds.size() - 1).p99Ms());
            out.println("torch eager:  " + torch.summary());
            out.printf(Locale.ROOT, "text encoder: p50 %.3f ms, p99 %.3f ms per sentence (run once per instruction, then cached)%n",
                    text.p50Ms(), text.p99Ms());
            out.printf(Locale.ROOT, "vla loop:     %.0fx real time; explorer loop: %.0fx real time (vla / explorer %.2f;"
                    + " target >= 1)%n", loops.vla(), loops.explorer(), loops.vla() / loops.explorer());
            out.flush();
        }
    }

    /** The episode of {@code e} for {@code policy}, camera on, its time limit cut to {@code seconds}. */
    public static EpisodeSpec spec(SuiteEntry e, String policy, double seconds) {
        Scenario s = e.scenario();
        Scenario cut = new Scenario(s.name(), s.source(), s.robotRef(), s.robot(), s.world(), s.start(), s.task(),
                Math.min(seconds, s.timeLimitSeconds()), s.physicsRateHz(), s.seed(), s.domainRandomization(),
                s.soundEmitters(), s.acoustics(), s.faults());
        return EpisodeSpec.of(cut, policy).withSeed(e.seed());
    }

    private record Loops(double explorer, double vla) {}

    /** Interleaved runs, the order swapped every run so that a drifting machine load falls on both; medians. */
    private static Loops loops(PrintWriter out, EpisodeRunner runner, VlaModel model, Episodes episodes, double seconds,
                               double warmup, int runs) {
        String explorerName = "explorer";
        LoopBenchmark explorer = new LoopBenchmark(i -> spec(episodes.measured().apply(i), explorerName, seconds),
                () -> Policies.create(explorerName));
        LoopBenchmark vla = new LoopBenchmark(i -> spec(episodes.measured().apply(i), VlaPolicy.NAME, seconds),
                () -> new VlaPolicy(model));
        if (warmup > 0) {
            new LoopBenchmark(i -> spec(episodes.warmup().apply(i), explorerName, seconds), () -> Policies.create(explorerName))
                    .run(runner, warmup, 1);
            new LoopBenchmark(i -> spec(episodes.warmup().apply(i), VlaPolicy.NAME, seconds), () -> new VlaPolicy(model))
                    .run(runner, warmup, 1);
        }
        List<Double> e = new ArrayList<>(), v = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < 2; k++) {
                boolean vlaNow = (i + k) % 2 == 1;
                LoopBenchmark.Result r = (vlaNow ? vla : explorer).run(runner, seconds, 0);
                (vlaNow ? v : e).add(r.realTimeFactor());
                line(out, "loop, " + (vlaNow ? "vla" : "explorer"), r.toString());
            }
        }
        return new Loops(median(e), median(v));
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Comparator.naturalOrder());
        return s.get(s.size() / 2);
    }

    private static void line(PrintWriter out, String label, String figure) {
        out.printf(Locale.ROOT, "  %-38s %s%n", label, figure);
        out.flush();
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
