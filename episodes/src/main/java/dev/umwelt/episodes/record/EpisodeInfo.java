package dev.umwelt.episodes.record;

import dev.umwelt.scenarios.Scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@code umwelt.episode} metadata record holds (see episodes/FORMAT.md). The two texts are
 * the exact sources the scenario and its robot were parsed from; "" when there is none (a scenario
 * built in code), and a replay then cannot re-simulate. {@code faults} are the faults the episode
 * ran with, one command-line form per line (the scenario's own and {@code --fault}'s), and
 * {@code shield} whether the shield was on: with the policy, what a replay needs to run the same
 * control ticks again.
 */
public record EpisodeInfo(String scenarioName, String task, long seed, String policy, String modelHash,
                          String scenarioYaml, String robotYaml, String robotRef, long controlPeriodNanos,
                          double physicsRateHz, String faults, boolean shield) {
    public static final String FORMAT = "umwelt-episode/1";
    public static final String METADATA_NAME = "umwelt.episode";

    public EpisodeInfo {
        Objects.requireNonNull(scenarioName, "scenarioName");
        Objects.requireNonNull(policy, "policy");
        task = task == null ? "" : task;
        modelHash = modelHash == null ? "" : modelHash;
        scenarioYaml = scenarioYaml == null ? "" : scenarioYaml;
        robotYaml = robotYaml == null ? "" : robotYaml;
        robotRef = robotRef == null ? "" : robotRef;
        faults = faults == null ? "" : faults;
    }

    /** An episode without faults, shield on. */
    public EpisodeInfo(String scenarioName, String task, long seed, String policy, String modelHash, String scenarioYaml,
                       String robotYaml, String robotRef, long controlPeriodNanos, double physicsRateHz) {
        this(scenarioName, task, seed, policy, modelHash, scenarioYaml, robotYaml, robotRef, controlPeriodNanos,
                physicsRateHz, "", true);
    }

    /**
     * The info of an episode of {@code scenario}: {@code scenarioYaml} is its text when the caller has it
     * (generated scenarios have no file), else read from {@code scenario.source()}; the robot's text
     * comes from its file, or from the catalog resource its placeholder {@code classpath:} path names.
     */
    public static EpisodeInfo of(Scenario scenario, long seed, String policy, String modelHash, String scenarioYaml,
                                 boolean shield) {
        String yaml = scenarioYaml != null ? scenarioYaml : readFile(scenario.source());
        StringBuilder faults = new StringBuilder();
        for (var f : scenario.faults()) faults.append(faults.length() == 0 ? "" : "\n").append(f);
        return new EpisodeInfo(scenario.name(), scenario.task().kind(), seed, policy, modelHash, yaml,
                robotText(scenario.robot().source()), scenario.robotRef(), scenario.robot().controlPeriodNanos(),
                scenario.physicsRateHz(), faults.toString(), shield);
    }

    /** The record's keys and values, in FORMAT.md's order. */
    public Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("umwelt_version", EpisodeRecorder.VERSION);
        m.put("scenario_name", scenarioName);
        m.put("task", task);
        m.put("seed", Long.toString(seed));
        m.put("policy", policy);
        m.put("model_hash", modelHash);
        m.put("scenario_yaml", scenarioYaml);
        m.put("robot_yaml", robotYaml);
        m.put("robot_ref", robotRef);
        m.put("control_period_ns", Long.toString(controlPeriodNanos));
        m.put("physics_rate_hz", Double.toString(physicsRateHz));
        m.put("faults", faults);
        m.put("shield", Boolean.toString(shield));
        return m;
    }

    private static String readFile(Path file) {
        if (file == null || !Files.isRegularFile(file)) return "";
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String robotText(Path source) {
        if (source == null) return "";
        String s = source.toString();
        if (!s.startsWith("classpath:")) return readFile(source);
        String resource = s.substring("classpath:".length()).replace('\\', '/');
        try (InputStream in = EpisodeInfo.class.getResourceAsStream(resource)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
