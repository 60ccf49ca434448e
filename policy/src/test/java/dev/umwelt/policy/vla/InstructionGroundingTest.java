package dev.umwelt.policy.vla;

import dev.umwelt.bus.appearance.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link InstructionGrounding} with the real all-MiniLM-L6-v2: free phrasings and synonyms the
 * vocabulary parser refuses still put the highest probability on the right (colour, shape).
 */
class InstructionGroundingTest {
    static final InstructionGrounding G = InstructionGrounding.shared();

    static String top(String instruction) {
        int b = G.of(instruction).best();
        return G.COLOURS.get(b / G.SHAPES.size()) + " " + G.SHAPES.get(b % G.SHAPES.size()).key();
    }

    @Test
    void freePhrasingsAndSynonymsGroundOnTheRightColourAndShape() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("would you mind heading to the blue cone", "blue cone");
        cases.put("i'd like you to wander over to the blue cone", "blue cone");
        cases.put("make a beeline for the blue cone", "blue cone");
        cases.put("could you pop over to the blue cone in the kitchen", "blue cone");
        cases.put("the cone coloured blue is where you should end up", "blue cone");
        cases.put("go to the blue traffic cone", "blue cone");
        cases.put("please drive up to the red crate", "red box");
        cases.put("find the yellow ball", "yellow sphere");
        cases.put("go over to the yellow sphere", "yellow sphere");
        cases.put("roll up next to the gray box", "grey box");
        cases.put("navigate to the violet cylinder", "purple cylinder");
        cases.put("approach the turquoise cube", "cyan box");
        cases.put("head for the green barrel", "green cylinder");
        cases.put("seek out the orange orb", "orange sphere");
        cases.put("drive to the white pylon", "white cone");
        List<String> wrong = new ArrayList<>();
        for (var c : cases.entrySet()) if (!top(c.getKey()).equals(c.getValue())) wrong.add(c.getKey() + " -> " + top(c.getKey()));
        // What MiniLM does with these (measured): 9 of 12 right; rarer synonyms miss (a barrel reads as
        // a ball, a pylon as a cylinder, turquoise as purple): the held-out set's synonyms are hard.
        assertEquals(List.of("approach the turquoise cube -> purple cylinder", "head for the green barrel -> green sphere",
                "drive to the white pylon -> white cylinder"), wrong);
    }

    @Test
    void probabilitiesAreADistributionCachedPerText() {
        var p = G.of("would you mind heading to the blue cone");
        double sum = 0;
        for (double v : p.p()) sum += v;
        assertEquals(1.0, sum, 1e-9);
        assertEquals(48, p.p().length);
        assertSame(p, G.of("would you mind heading to the blue cone"));
        assertTrue(p.of("blue", Shape.CONE) > 0.5, "a clear winner at tau 0.05: " + p.of("blue", Shape.CONE));
        assertEquals(p.of("blue", Shape.CONE), p.bestOf("blue"));
        assertEquals(0, p.of("magenta", Shape.CONE));
        // an instruction with no object spreads its probability
        assertTrue(G.of("drive to coordinates 3, 2").p()[G.of("drive to coordinates 3, 2").best()] < 0.5);
    }

    /**
     * The measurement for the README (slow: ~3000 sentences): top-1 over every ObjectNav template
     * of the phrasing files x every colour x shape (plain words, then each synonym of the file).
     * {@code mvn -pl policy test -Dtest=InstructionGroundingTest -Dumwelt.measure=true}
     */
    @Test
    @EnabledIfSystemProperty(named = "umwelt.measure", matches = "true")
    void measureTopOneOverThePhrasingFiles() throws IOException {
        for (String f : List.of("train.txt", "heldout.txt")) {
            Path file = Path.of("training", "phrasings", f);
            List<String> templates = new ArrayList<>();
            Map<String, List<String>> synonyms = new LinkedHashMap<>();
            String section = "";
            for (String line : Files.readAllLines(file)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                if (l.startsWith("[")) { section = l; continue; }
                if (section.equals("[objectnav]")) templates.add(l);
                if (section.equals("[synonyms]")) {
                    String[] kv = l.split(":", 2);
                    synonyms.put(kv[0].strip(), List.of(kv[1].strip().split("\\s*,\\s*")));
                }
            }
            int plain = 0, plainN = 0, syn = 0, synN = 0;
            long t0 = System.nanoTime();
            List<String> misses = new ArrayList<>();
            for (String t : templates) {
                for (String c : G.COLOURS) {
                    for (Shape s : G.SHAPES) {
                        String word = s == Shape.SPHERE ? "ball" : s.key();
                        String want = c + " " + s.key();
                        List<String[]> variants = new ArrayList<>();
                        variants.add(new String[] {c, word});
                        for (String alt : synonyms.getOrDefault(word, List.of())) variants.add(new String[] {c, alt});
                        for (String alt : synonyms.getOrDefault(c, List.of())) variants.add(new String[] {alt, word});
                        for (int v = 0; v < variants.size(); v++) {
                            String text = t.replace("{colour}", variants.get(v)[0]).replace("{shape}", variants.get(v)[1])
                                    .replace("{room}", "kitchen");
                            boolean ok = top(text).equals(want);
                            if (v == 0) { plain += ok ? 1 : 0; plainN++; } else { syn += ok ? 1 : 0; synN++; }
                            if (!ok && misses.size() < 12) misses.add(text + " -> " + top(text));
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "grounding %s: %d templates, plain words top-1 %d/%d = %.1f%%, synonyms %d/%d = %.1f%%"
                            + " (%.1f ms per sentence); misses e.g. %s%n", f, templates.size(), plain, plainN, 100.0 * plain / plainN,
                    syn, synN, synN == 0 ? 0 : 100.0 * syn / synN, (System.nanoTime() - t0) / 1e6 / (plainN + synN), misses);
        }
    }
}
