package dev.umwelt.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.umwelt.agent.pictures.ContactSheet;
import dev.umwelt.agent.suite.GeneratedSuite;
import dev.umwelt.agent.suite.SuiteEntry;
import dev.umwelt.agent.suite.SuiteOutcome;
import dev.umwelt.agent.suite.SuiteReport;
import dev.umwelt.agent.suite.SuiteRunner;
import dev.umwelt.scenarios.generate.PhrasingFile;
import dev.umwelt.scenarios.generate.Rephrasing;
import dev.umwelt.scenarios.generate.ScenarioGenerator;
import dev.umwelt.scenarios.generate.Split;
import dev.umwelt.scenarios.load.ScenarioLoader;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "suite", mixinStandardHelpOptions = true,
        description = {"Run many episodes in parallel and report success, SPL, soft SPL, collisions and time by task and "
                + "difficulty.", "Either every *.yaml scenario in DIR, or --generate N procedural scenarios."})
final class SuiteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Directory of scenario files.")
    Path dir;

    @Option(names = "--generate", paramLabel = "N", description = "Generate N scenarios (1 to 100000) instead of reading DIR.")
    Long generate;

    @Option(names = "--seed", defaultValue = "0", description = "Generator seed (with --generate; default: ${DEFAULT-VALUE}). The suite runs the split's "
            + "scenarios SEED..SEED+N-1, so seeds less than N apart share scenarios: for a disjoint set use SEED+N.")
    long seed;

    @Option(names = "--split", defaultValue = "test", description = "Generator split: train, val or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--task", defaultValue = "pointnav", description = "Generated task: pointnav, objectnav or audiogoal (default: ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--phrasings", paramLabel = "FILE", description = "With --generate: re-render each episode's instruction from "
            + "a phrasing file (policy/training/phrasings/), same scenarios and targets; the JSON gives each episode's instruction.")
    Path phrasings;

    @Option(names = "--phrasing-seed", paramLabel = "S",
            description = "With --phrasings: seed of the template and synonym choice (default: 0).")
    Long phrasingSeed;

    @Option(names = "--policy", split = ",", defaultValue = "explorer",
            description = "Policies to run, comma-separated, by name or policy file FILE.yaml; the first is primary in the "
                    + "JSON summary (default: ${DEFAULT-VALUE}).")
    List<String> policies;

    @Option(names = "--threads", description = "Episodes at a time, 1 to 256 (default: the number of processors).")
    Long threads;

    @Option(names = "--camera", description = "Render camera frames even when no policy needs them (slower: one render thread serves all episodes).")
    boolean camera;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path json;

    @Option(names = "--no-shield", description = "Run without the safety shield (the watchdog and e-stop stay).")
    boolean noShield;

    @Option(names = "--fault", paramLabel = "SENSOR:KIND[=ARG]@FROM-TO",
            description = "Inject a sensor fault into every episode, added to each scenario's (repeatable), e.g. lidar:drop@10s-20s.")
    List<String> faults = new ArrayList<>();

    @Option(names = "--teacher", paramLabel = "POLICY",
            description = "Run POLICY alongside every episode and record its proposal per tick on /umwelt/teacher/action "
                    + "(never driving; DAgger labels, e.g. --policy vla --teacher teacher --record DIR).")
    String teacher;

    @Mixin
    ModelOptions models = new ModelOptions();

    @Mixin
    PictureOptions pictures = new PictureOptions();

    @Mixin
    RecordOptions record = new RecordOptions();

    @Override
    public Integer call() throws IOException {
        try (Interrupts.Scope interrupts = Interrupts.enter()) {
            return interrupts.exitCode(run(interrupts));
        }
    }

    /** SIGINT or SIGTERM ends the episodes in flight and starts no more; what ran is reported and written as usual. */
    private int run(Interrupts.Scope interrupts) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> names = new LinkedHashMap<>(); // --policy value -> the name reports give it
        for (String p : policies) {
            String name = PolicyOption.check(p);
            if (names.containsValue(name)) throw new BadInputException("--policy: two policies named '" + name + "'; give a policy file a name: of its own");
            names.put(p, name);
        }
        String teaching = EpisodeOptions.teacher(teacher);
        int t = threads != null ? (int) FlagBounds.check("--threads", threads, 1, FlagBounds.MAX_THREADS)
                : (int) Math.min(Runtime.getRuntime().availableProcessors(), FlagBounds.MAX_THREADS);
        record.check();
        // Before the suite runs: a report that cannot be written would otherwise be lost at the end.
        if (json != null) OutputFiles.checkWritable("--json", json);
        List<SuiteEntry> entries = entries(out).stream().map(e -> new SuiteEntry(
                EpisodeOptions.withFaults(e.scenario(), faults), e.seed(), e.labels(), e.scenarioYaml())).toList();
        if (entries.isEmpty()) throw new BadInputException(dir + ": no *.yaml scenario files");
        // Models are loaded and checked against every robot of the suite before its first episode.
        var makers = models.makers(policies, entries.stream().map(e -> e.scenario().robot()).distinct().toList());
        Path sheetDir = pictures.directory("suite", err);
        Path episodes = record.suiteDirectory(() -> sheetDir != null ? sheetDir : pictures.runDirectory("suite", err));

        Map<String, List<SuiteOutcome>> byPolicy = new LinkedHashMap<>();
        long begin = System.nanoTime();
        try (ProgressBar bar = ConsoleProgress.start("suite", (long) entries.size() * policies.size(), " episodes", 1)) {
            for (String p : policies) {
                if (interrupts.interrupted()) break;
                SuiteRunner runner = new SuiteRunner(t, camera, episodes, w -> {
                    synchronized (err) {
                        err.println(w);
                        err.flush();
                    }
                }).shield(!noShield).teacher(teaching);
                interrupts.onInterrupt(runner::interrupt);
                interrupts.lastResort(runner::closeRecordings);
                List<SuiteOutcome> ran = runner.run(entries, names.get(p), makers.get(p), o -> {
                    if (bar != null) bar.step();
                });
                if (!ran.isEmpty()) byPolicy.put(names.get(p), ran);
            }
        }
        int planned = entries.size() * policies.size();
        int ran = byPolicy.values().stream().mapToInt(List::size).sum();
        if (interrupts.interrupted()) out.printf("interrupted: %d of %d episodes ran%n", ran, planned);
        if (byPolicy.isEmpty()) {
            out.flush();
            return Umwelt.EXIT_OK;
        }
        SuiteReport report = new SuiteReport(byPolicy, t, (System.nanoTime() - begin) / 1e9);
        report.printTable(out);
        if (json != null) {
            Map<String, Object> root = report.toJsonMap();
            if (interrupts.interrupted()) {
                root.put("interrupted", true);
                root.put("episodesPlanned", planned);
            }
            writeJson(out, err, root, sheetDir != null ? sheetDir : episodes != null ? episodes.getParent() : null);
        }
        if (episodes != null) out.println("episodes: " + episodes);
        out.flush();
        if (sheetDir != null) writeContactSheet(out, sheetDir, names.get(policies.get(0)), byPolicy.get(names.get(policies.get(0))));
        return Umwelt.EXIT_OK;
    }

    /**
     * The report, written whole or not at all (a temporary file renamed over FILE). Should that fail
     * after all (the disk filled up while the suite ran), the report goes into the suite's own
     * directory instead, so that the results are not lost; without one it is a crash.
     */
    private void writeJson(PrintWriter out, PrintWriter err, Map<String, Object> root, Path fallbackDir) throws IOException {
        byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
        try {
            OutputFiles.writeAtomically(json, bytes);
            out.println("wrote " + json);
        } catch (IOException e) {
            if (fallbackDir == null) throw e;
            Path instead = fallbackDir.resolve("suite.json");
            OutputFiles.writeAtomically(instead, bytes);
            err.println("warning: could not write " + json + " (" + OutputFiles.describe(e) + "); wrote " + instead + " instead");
            err.flush();
        }
    }

    /** One tile per episode of the first policy; a failure here is a warning, the suite's results stand. */
    private void writeContactSheet(PrintWriter out, Path sheetDir, String policy, List<SuiteOutcome> outcomes) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Path file = sheetDir.resolve(ContactSheet.FILE);
            ContactSheet.Sheet sheet = ContactSheet.write(file, "policy " + policy,
                    outcomes.stream().map(ContactSheet.Tile::of).toList());
            out.println("contact sheet: " + file + (sheet.capped()
                    ? " (the first " + sheet.shown() + " of " + sheet.total() + " episodes)" : ""));
            out.flush();
        } catch (Exception | Error e) {
            PictureOptions.warn(err, sheetDir, e);
        }
    }

    private List<SuiteEntry> entries(PrintWriter out) {
        if ((dir == null) == (generate == null)) throw new BadInputException("give either a DIR of scenarios or --generate N");
        if (phrasings != null && generate == null) throw new BadInputException("--phrasings: only with --generate N");
        if (phrasingSeed != null && phrasings == null) throw new BadInputException("--phrasing-seed: only with --phrasings FILE");
        if (generate != null) {
            FlagBounds.check("--generate", generate, 1, FlagBounds.MAX_GENERATED);
            FlagBounds.generatorSeed("--seed", seed, generate);
            Rephrasing rephrasing = phrasings == null ? null
                    : new Rephrasing(PhrasingFile.load(phrasings), phrasingSeed == null ? 0 : phrasingSeed);
            if (rephrasing != null) rephrasing.file().templatesFor(parseTask(task));
            GeneratedSuite g = GeneratedSuite.generate(generate.intValue(), seed, parseSplit(split), parseTask(task), rephrasing);
            out.println(g.stats());
            return g.entries();
        }
        if (!Files.isDirectory(dir)) throw new BadInputException(dir + ": not a directory");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted()
                    .map(f -> SuiteEntry.of(ScenarioLoader.load(f))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Split parseSplit(String s) {
        try {
            return Split.valueOf(s.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--split: unknown split '" + s + "' (known: train, val, test)");
        }
    }

    static String parseTask(String s) {
        if (!ScenarioGenerator.TASKS.contains(s)) {
            throw new BadInputException("--task: unknown task '" + s + "' (known: " + String.join(", ", ScenarioGenerator.TASKS) + ")");
        }
        return s;
    }
}
