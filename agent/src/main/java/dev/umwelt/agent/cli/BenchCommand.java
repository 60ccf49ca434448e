package dev.umwelt.agent.cli;

import dev.umwelt.agent.bench.LoopBenchmark;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.sim.bench.BenchWorld;
import dev.umwelt.sim.bench.SimBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks that print their figures.",
                "  sim: sim-seconds per wall-second in the bench world (physics 100 Hz, 360-beam lidar 20 Hz),",
                "       for the simulator alone with scripted commands, and for the full loop with the oracle",
                "       through the bus. Pin to one core for the reference figure: taskset -c 0 ./umwelt bench sim"})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "What to measure: ${COMPLETION-CANDIDATES}.")
    What what;

    @Option(names = "--seconds", defaultValue = "300", description = "Simulated seconds per measured run (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--runs", defaultValue = "3", description = "Measured runs; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "600", description = "Simulated seconds of JIT warm-up per part (default: ${DEFAULT-VALUE}).")
    double warmup;

    enum What { sim }

    @Override
    public Integer call() {
        if (seconds <= 0 || runs <= 0 || warmup < 0) throw new BadInputException("--seconds and --runs must be positive, --warmup >= 0");
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "bench sim: %s; %d processors available%n", BenchWorld.DESCRIPTION,
                Runtime.getRuntime().availableProcessors());
        out.flush();

        SimBenchmark core = new SimBenchmark();
        // Short runs: C2 recompiles the step loop after the first few episodes, and under taskset the
        // compiler threads share the benchmark's core.
        for (double done = 0; done < warmup; done += 40) core.run(Math.min(40, warmup - done));
        double simLidar = median(out, "sim + lidar, scripted commands", () -> {
            SimBenchmark.Result r = core.run(seconds);
            return new Figure(r.realTimeFactor(), r.toString());
        });

        double loop;
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            LoopBenchmark full = new LoopBenchmark(BenchWorld.scenario(), "oracle");
            if (warmup > 0) full.run(runner, warmup, 1_000);
            long[] seed = {1};
            loop = median(out, "full loop, oracle through the bus", () -> {
                LoopBenchmark.Result r = full.run(runner, seconds, seed[0]);
                seed[0] += r.episodes();
                return new Figure(r.realTimeFactor(), r.toString());
            });
        }
        out.printf(Locale.ROOT, "%nsim + lidar: %.0fx real time (target >= 1000x on one core)%n", simLidar);
        out.printf(Locale.ROOT, "full loop:   %.0fx real time (target >= 200x on one core)%n", loop);
        out.flush();
        return Umwelt.EXIT_OK;
    }

    private record Figure(double realTimeFactor, String line) {}

    private double median(PrintWriter out, String label, Supplier<Figure> run) {
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Figure f = run.get();
            figures.add(f);
            out.printf(Locale.ROOT, "  %-36s %s%n", label, f.line());
            out.flush();
        }
        figures.sort(Comparator.comparingDouble(Figure::realTimeFactor));
        return figures.get(figures.size() / 2).realTimeFactor();
    }
}
