package dev.umwelt.agent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command's help fits 100 columns, wraps at word boundaries (no line starts inside a word a
 * previous line began), and lists the choices of options that have a fixed set.
 */
class HelpTextTest {
    static final List<String[]> COMMANDS = List.of(new String[] {"--help"}, new String[] {"run", "--help"},
            new String[] {"suite", "--help"}, new String[] {"generate", "--help"}, new String[] {"demo", "--help"},
            new String[] {"bench", "--help"}, new String[] {"replay", "--help"}, new String[] {"recover", "--help"},
            new String[] {"export", "--help"}, new String[] {"ros", "brain", "--help"}, new String[] {"ros", "sim", "--help"});

    @Test
    void everyHelpFitsOneHundredColumnsAndUsesThem() {
        int widest = 0;
        List<String> tooWide = new ArrayList<>();
        for (String[] args : COMMANDS) {
            CliTest.Outcome o = CliTest.umwelt(args);
            assertEquals(0, o.code(), String.join(" ", args) + ": " + o.err());
            for (String line : o.out().split("\n")) {
                widest = Math.max(widest, line.length());
                if (line.length() > 100) tooWide.add(String.join(" ", args) + ": " + line);
            }
        }
        assertEquals(List.of(), tooWide);
        assertTrue(widest > 90, "the help uses the width it has: widest line " + widest);
    }

    @Test
    void optionsWithAFixedSetListTheirChoices() {
        String suite = CliTest.umwelt("suite", "--help").out().replaceAll("\\s+", " ");
        assertTrue(suite.contains("train, val or test"), suite);
        assertTrue(suite.contains("pointnav, objectnav or audiogoal"), suite);
        assertTrue(suite.contains("auto (CUDA when the GPU build offers it, else the CPU), cpu or cuda"), suite);
        String bench = CliTest.umwelt("bench", "--help").out().replaceAll("\\s+", " ");
        assertTrue(bench.contains("What to measure: sim, render, sensors, log, world, ros, faults, policy."), bench);
        assertTrue(bench.contains("taskset -c 0 ./umwelt bench sim"), "a command is never cut inside: " + bench);
    }
}
