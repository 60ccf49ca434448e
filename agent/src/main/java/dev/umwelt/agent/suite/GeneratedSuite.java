package dev.umwelt.agent.suite;

import dev.umwelt.scenarios.generate.Difficulty;
import dev.umwelt.scenarios.generate.DifficultyStats;
import dev.umwelt.scenarios.generate.GeneratedScenario;
import dev.umwelt.scenarios.generate.Rephrasing;
import dev.umwelt.scenarios.generate.ScenarioGenerator;
import dev.umwelt.scenarios.generate.Split;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A suite of generated scenarios: episode i is scenario (seed, i) of the split, run with the seed in its file. */
public record GeneratedSuite(List<SuiteEntry> entries, DifficultyStats stats) {

    public static GeneratedSuite generate(int count, long seed, Split split, String task) {
        return generate(count, seed, split, task, null);
    }

    /**
     * {@code phrasing} (null: none): each scenario's instruction re-rendered from a phrasing file, the
     * same scenarios otherwise; its episodes carry the labels {@code instruction} and {@code phrasing}
     * (the template's {@code file:line}).
     */
    public static GeneratedSuite generate(int count, long seed, Split split, String task, Rephrasing phrasing) {
        List<SuiteEntry> entries = new ArrayList<>(count);
        List<Difficulty> difficulties = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            GeneratedScenario g = ScenarioGenerator.generate(seed, i, split, task);
            Map<String, Object> labels = labels(g);
            if (phrasing != null) {
                Rephrasing.Rephrased r = phrasing.rephrase(g);
                g = r.scenario();
                labels.put("instruction", g.scenario().task().instruction());
                labels.put("phrasing", r.origin());
            }
            difficulties.add(g.difficulty());
            entries.add(new SuiteEntry(g.scenario(), g.scenario().seed(), labels, g.yaml()));
        }
        return new GeneratedSuite(entries, DifficultyStats.of(difficulties));
    }

    private static Map<String, Object> labels(GeneratedScenario g) {
        Difficulty d = g.difficulty();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rooms", d.rooms());
        m.put("targetOutOfViewAtStart", d.targetOutOfViewAtStart());
        m.put("distractorSharesAttribute", d.distractorSharesAttribute());
        return m;
    }
}
