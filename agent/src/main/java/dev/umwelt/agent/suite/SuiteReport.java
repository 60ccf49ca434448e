package dev.umwelt.agent.suite;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a suite prints and writes: a table by policy, task and difficulty, and JSON with every
 * episode (the object {@code run --json} prints, plus labels) and a summary. The first policy is
 * the primary one: its figures are the summary's top level; every policy's are under
 * {@code summary.byPolicy}.
 */
public final class SuiteReport {
    private final Map<String, List<SuiteOutcome>> byPolicy;
    private final int threads;
    private final double wallSeconds;

    public SuiteReport(Map<String, List<SuiteOutcome>> byPolicy, int threads, double wallSeconds) {
        this.byPolicy = new LinkedHashMap<>(byPolicy);
        if (this.byPolicy.isEmpty()) throw new IllegalArgumentException("a report needs at least one policy");
        this.threads = threads;
        this.wallSeconds = wallSeconds;
    }

    public SuiteSummary summary(String policy) {
        return SuiteSummary.of(byPolicy.get(policy));
    }

    private static String taskOf(SuiteOutcome o) {
        return o.entry().scenario().task().kind();
    }

    /** Crashed episodes have no metrics, hence no band: they sort after the hardest. */
    private static int bandOrder(SuiteOutcome o) {
        return o.failedToRun() ? DifficultyBand.values().length : DifficultyBand.of(o.result().metrics()).ordinal();
    }

    private static String bandName(int order, boolean label) {
        if (order == DifficultyBand.values().length) return "error";
        DifficultyBand b = DifficultyBand.values()[order];
        return label ? b.label() : b.key();
    }

    private static <K extends Comparable<K>> Map<K, List<SuiteOutcome>> group(List<SuiteOutcome> all,
                                                                          Function<SuiteOutcome, K> key) {
        Map<K, List<SuiteOutcome>> g = new TreeMap<>();
        for (SuiteOutcome o : all) g.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o);
        return g;
    }

    public void printTable(PrintWriter out) {
        String row = "%-8s %-10s %-17s %8s %8s %6s %8s %10s %8s%n";
        out.printf(Locale.ROOT, row, "policy", "task", "difficulty", "episodes", "success", "SPL", "soft SPL",
                "coll/ep", "time s");
        for (var p : byPolicy.entrySet()) {
            for (var t : group(p.getValue(), SuiteReport::taskOf).entrySet()) {
                for (var d : group(t.getValue(), SuiteReport::bandOrder).entrySet()) {
                    printRow(out, row, p.getKey(), t.getKey(), bandName(d.getKey(), true), SuiteSummary.of(d.getValue()));
                }
                printRow(out, row, p.getKey(), t.getKey(), "all", SuiteSummary.of(t.getValue()));
            }
        }
        double sim = byPolicy.values().stream().mapToDouble(l -> SuiteSummary.of(l).simSeconds()).sum();
        int episodes = byPolicy.values().stream().mapToInt(List::size).sum();
        out.printf(Locale.ROOT, "%d episodes, %.0f simulated seconds in %.1f s on %d threads (%.0fx real time, %.0f episodes/hour)%n",
                episodes, sim, wallSeconds, threads, sim / wallSeconds, episodes * 3600 / wallSeconds);
        for (var p : byPolicy.entrySet()) {
            for (SuiteOutcome o : p.getValue()) {
                if (o.failedToRun()) out.printf(Locale.ROOT, "error: %s %s seed %d: %s%n", p.getKey(),
                        o.entry().scenario().name(), o.entry().seed(), o.error());
            }
        }
    }

    private static void printRow(PrintWriter out, String row, String policy, String task, String difficulty, SuiteSummary s) {
        out.printf(Locale.ROOT, row, policy, task, difficulty, s.episodes(), pct(s.successRate()), f3(s.meanSpl()),
                f3(s.meanSoftSpl()), f3(s.collisionsPerEpisode()), String.format(Locale.ROOT, "%.1f", s.meanTimeSeconds()));
    }

    private static String pct(double x) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }

    private static String f3(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }

    public Map<String, Object> toJsonMap() {
        List<Map<String, Object>> episodes = new ArrayList<>();
        for (var p : byPolicy.entrySet()) {
            for (SuiteOutcome o : p.getValue()) {
                Map<String, Object> e = new LinkedHashMap<>();
                if (o.failedToRun()) {
                    e.put("scenario", o.entry().scenario().name());
                    e.put("seed", o.entry().seed());
                    e.put("policy", p.getKey());
                    e.put("task", taskOf(o));
                    e.put("error", o.error());
                } else {
                    e.putAll(o.result().toJsonMap());
                    e.put("difficulty", DifficultyBand.of(o.result().metrics()).key());
                }
                e.putAll(o.entry().labels());
                episodes.add(e);
            }
        }
        String primary = byPolicy.keySet().iterator().next();
        Map<String, Object> summary = new LinkedHashMap<>(summary(primary).toJsonMap());
        summary.put("policy", primary);
        summary.put("byTask", grouped(byPolicy.get(primary), SuiteReport::taskOf));
        Map<String, Object> byBand = new LinkedHashMap<>();
        group(byPolicy.get(primary), SuiteReport::bandOrder)
                .forEach((k, l) -> byBand.put(bandName(k, false), SuiteSummary.of(l).toJsonMap()));
        summary.put("byDifficulty", byBand);
        Map<String, Object> perPolicy = new LinkedHashMap<>();
        byPolicy.forEach((p, l) -> perPolicy.put(p, SuiteSummary.of(l).toJsonMap()));
        summary.put("byPolicy", perPolicy);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("policies", new ArrayList<>(byPolicy.keySet()));
        root.put("threads", threads);
        root.put("wallSeconds", wallSeconds);
        root.put("episodes", episodes);
        root.put("summary", summary);
        return root;
    }

    private static Map<String, Object> grouped(List<SuiteOutcome> all, Function<SuiteOutcome, String> key) {
        Map<String, Object> m = new LinkedHashMap<>();
        group(all, key).forEach((k, l) -> m.put(k, SuiteSummary.of(l).toJsonMap()));
        return m;
    }
}
