package dev.umwelt.scenarios.generate;

import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.yaml.ScenarioException;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.scenarios.task.AudioGoal;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.scenarios.task.Task;
import dev.umwelt.scenarios.world.Room;
import dev.umwelt.scenarios.world.SoundEmitter;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;

/**
 * Re-renders a generated scenario's instruction from a {@link PhrasingFile}: same world, start,
 * target and seed, only the words differ, so that paired runs (generator phrasing against the
 * file's) measure language alone. The template and the synonyms are drawn from
 * {@code (phrasingSeed, scenario seed)}, so a suite's phrasings do not depend on its size or order.
 * The scenario's YAML is rewritten too (its episode file then holds the instruction it was run with).
 */
public final class Rephrasing {
    private final PhrasingFile file;
    private final long phrasingSeed;

    /** A rephrased scenario and the template it was rendered from. */
    public record Rephrased(GeneratedScenario scenario, PhrasingFile.Template template, Path source) {
        /** Where the template was written: {@code file:line}. */
        public String origin() {
            return (source == null ? "?" : source.getFileName()) + ":" + template.line();
        }
    }

    public Rephrasing(PhrasingFile file, long phrasingSeed) {
        this.file = file;
        this.phrasingSeed = phrasingSeed;
    }

    public PhrasingFile file() {
        return file;
    }

    public Rephrased rephrase(GeneratedScenario g) {
        Scenario s = g.scenario();
        Task task = s.task();
        Map<String, String> values = values(s);
        List<PhrasingFile.Template> usable = file.templatesFor(task.kind()).stream()
                .filter(t -> values.keySet().containsAll(t.slots())).toList();
        if (usable.isEmpty()) {
            throw new ScenarioException(file.source(), 1, null, "no [" + task.kind() + "] template fits " + g.name()
                    + " (slots it can fill: " + values.keySet().stream().sorted().toList() + ")");
        }
        SplittableRandom rng = new SplittableRandom(ScenarioGenerator.mix(s.seed() ^ 0x5DEECE66DL * (phrasingSeed + 1), 17));
        PhrasingFile.Template t = usable.get(rng.nextInt(usable.size()));
        String text = render(t, values, rng);
        String old = "instruction: " + ScenarioYaml.quote(task.instruction());
        int at = g.yaml().indexOf(old);
        if (at < 0 || g.yaml().indexOf(old, at + 1) >= 0) {
            throw new IllegalStateException(g.name() + ": the instruction is not written once in its YAML");
        }
        String yaml = g.yaml().substring(0, at) + "instruction: " + ScenarioYaml.quote(text) + g.yaml().substring(at + old.length());
        Scenario parsed = ScenarioLoader.parse(yaml, Path.of(g.name() + ".yaml"));
        if (!parsed.task().instruction().equals(text) || !parsed.world().equals(s.world()) || !parsed.start().equals(s.start())
                || parsed.seed() != s.seed() || !parsed.task().getClass().equals(task.getClass())) {
            throw new IllegalStateException(g.name() + ": rephrasing changed more than the instruction");
        }
        return new Rephrased(new GeneratedScenario(g.name(), yaml, parsed, g.difficulty()), t, file.source());
    }

    /** The template with its slots filled, each value written as itself or one of its synonyms. */
    String render(PhrasingFile.Template t, Map<String, String> values, SplittableRandom rng) {
        Matcher m = PhrasingFile.SLOT.matcher(t.text());
        StringBuilder b = new StringBuilder();
        Map<String, String> chosen = new HashMap<>();
        while (m.find()) {
            // A slot used twice reads the same both times.
            String v = chosen.computeIfAbsent(m.group(1), k -> {
                List<String> spellings = file.spellings(values.get(k));
                return spellings.get(rng.nextInt(spellings.size()));
            });
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** What the scenario's slots hold: the target's colour and label and its room, the sound's words, the point. */
    static Map<String, String> values(Scenario s) {
        Map<String, String> v = new HashMap<>();
        WorldMap world = s.world();
        if (s.task() instanceof ObjectGoal og) {
            WorldObject target = og.target(world);
            v.put("colour", target.colour().name());
            v.put("shape", target.label());
            world.roomAt(target.position()).map(Room::name).ifPresent(r -> v.put("room", r));
        } else if (s.task() instanceof AudioGoal ag) {
            SoundEmitter e = s.soundEmitters().stream().filter(x -> x.id().equals(ag.emitterId())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(s.name() + ": no emitter '" + ag.emitterId() + "'"));
            boolean beep = e.kind() == SoundEmitter.Kind.BEEP;
            v.put("sound", beep ? "beeping" : "ringing");
            v.put("device", beep ? "alarm" : "phone");
            // As the generator: a room is named only where there is more than one.
            if (world.rooms().size() > 1) world.roomAt(ag.emitterPosition()).map(Room::name).ifPresent(r -> v.put("room", r));
        } else if (s.task() instanceof PointGoal pg) {
            v.put("x", String.format(Locale.ROOT, "%.2f", pg.goal().x()));
            v.put("y", String.format(Locale.ROOT, "%.2f", pg.goal().y()));
        } else {
            throw new IllegalArgumentException(s.name() + ": cannot rephrase a " + s.task().kind() + " task");
        }
        return v;
    }
}
