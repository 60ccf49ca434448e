package dev.umwelt.scenarios.generate;

import dev.umwelt.bus.yaml.ScenarioException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The phrasing file format, and the shipped training and held-out files (policy/training/phrasings/). */
class PhrasingFilesTest {
    static final Path DIR = Path.of("..", "policy", "training", "phrasings").toAbsolutePath().normalize();
    static final Path TRAIN = DIR.resolve("train.txt"), HELDOUT = DIR.resolve("heldout.txt");
    static final Path F = Path.of("p.txt");

    static ScenarioException refused(String text) {
        return assertThrows(ScenarioException.class, () -> PhrasingFile.parse(text, F));
    }

    @Test
    void templatesAndSynonymsAreReadBySection() {
        PhrasingFile f = PhrasingFile.parse("\uFEFF# c\r\n\n[objectnav]\nfind  the {colour} {shape} in the {room}\n[audiogoal]\n"
                + "chase the {sound} sound\n[pointnav]\nto {x}, {y}\n[synonyms]\nbox: crate, carton\n", F);
        PhrasingFile.Template t = f.templatesFor("objectnav").get(0);
        assertEquals("find the {colour} {shape} in the {room}", t.text(), "runs of spaces become one");
        assertEquals(4, t.line());
        assertEquals(List.of("colour", "shape", "room"), List.copyOf(t.slots()));
        assertEquals(6, f.templatesFor("audiogoal").get(0).line());
        assertEquals(List.of("box", "crate", "carton"), f.spellings("box"));
        assertEquals(List.of("ball"), f.spellings("ball"));
    }

    @Test
    void aTemplateWithoutATargetSlotIsRefusedOnItsLine() {
        ScenarioException e = refused("[objectnav]\ngo to the {colour} {shape}\ngo to the {colour} thing\n");
        assertEquals(3, e.line());
        assertEquals("p.txt:3: template without a target slot: 'go to the {colour} thing' (an [objectnav] template names "
                + "its target with {colour} and {shape})", e.getMessage());
        assertEquals(2, refused("[audiogoal]\ngo to the {room}\n").line());
        assertTrue(refused("[pointnav]\ngo to {x}\n").getMessage().startsWith("p.txt:2: template without a target slot"));
    }

    @Test
    void otherMistakesAreRefusedOnTheirLineToo() {
        assertEquals("p.txt:2: unknown slot {color} in 'go to the {color} {shape}' ([objectnav] slots: {colour}, {room}, {shape})",
                refused("[objectnav]\ngo to the {color} {shape}\n").getMessage());
        assertEquals("p.txt:1: 'go to the {colour} {shape}' comes before any [section]",
                refused("go to the {colour} {shape}\n").getMessage());
        assertEquals(3, refused("[objectnav]\n\n[kitchen]\n").line());
        assertTrue(refused("[objectnav]\ngo to the {colour {shape}}\n").getMessage().contains("unbalanced braces"));
        assertTrue(refused("[objectnav]\ngo to the {colour} {shape\n").getMessage().contains("unbalanced braces"));
        assertTrue(refused("[objectnav]\nGo to the {colour} {shape}\ngo to the  {colour} {shape}\n").getMessage()
                .startsWith("p.txt:3: template written twice"));
        assertEquals(4, refused("[objectnav]\na {colour} {shape}\n[synonyms]\nbox crate\n").line());
        assertEquals(5, refused("[objectnav]\na {colour} {shape}\n[synonyms]\nbox: crate\nbox: carton\n").line());
        assertEquals("p.txt:1: no templates (sections [objectnav], [audiogoal], [pointnav])", refused("# nothing\n").getMessage());
        PhrasingFile onlyObjects = PhrasingFile.parse("[objectnav]\na {colour} {shape}\n", F);
        assertEquals("p.txt:1: no [pointnav] templates",
                assertThrows(ScenarioException.class, () -> onlyObjects.templatesFor("pointnav")).getMessage());
        assertEquals("p.txt:1: no such phrasing file", assertThrows(ScenarioException.class,
                () -> PhrasingFile.load(Path.of("p.txt"))).getMessage());
    }

    @Test
    void theTrainingFileHasThirtyObjectTemplatesOfItsOwnAndEveryTask() {
        PhrasingFile train = PhrasingFile.load(TRAIN);
        Set<String> generator = generatorTemplates();
        long own = train.templatesFor("objectnav").stream().filter(t -> !generator.contains(norm(t.text()))).count();
        assertTrue(own >= 30, own + " objectnav templates beyond the generator's");
        assertTrue(train.templatesFor("audiogoal").size() >= 15);
        assertTrue(train.templatesFor("pointnav").size() >= 12);
    }

    @Test
    void theHeldOutFileSharesNoTemplateOrSynonymWithTrainingOrTheGenerator() {
        PhrasingFile train = PhrasingFile.load(TRAIN), heldout = PhrasingFile.load(HELDOUT);
        assertTrue(heldout.templatesFor("objectnav").size() >= 20);
        assertFalse(heldout.synonyms().isEmpty(), "synonyms included");
        Set<String> seen = generatorTemplates();
        for (String task : ScenarioGenerator.TASKS) train.templatesFor(task).forEach(t -> seen.add(norm(t.text())));
        for (String task : ScenarioGenerator.TASKS) {
            for (PhrasingFile.Template t : heldout.templatesFor(task)) assertFalse(seen.contains(norm(t.text())), t.text());
        }
        Set<String> trainWords = new HashSet<>();
        train.synonyms().values().forEach(trainWords::addAll);
        for (List<String> alts : heldout.synonyms().values()) {
            for (String a : alts) assertFalse(trainWords.contains(a), "held-out synonym '" + a + "' is in train.txt");
        }
    }

    static Set<String> generatorTemplates() {
        Set<String> s = new HashSet<>();
        for (Split split : Split.values()) {
            Stream.of(split.objectTemplates(), split.audioTemplates(), split.pointTemplates()).flatMap(List::stream)
                    .forEach(t -> s.add(norm(t)));
        }
        return s;
    }

    static String norm(String t) {
        return t.toLowerCase(Locale.ROOT).replaceAll("[^a-z{} ]", "").replaceAll("\\s+", " ").strip();
    }
}
