package dev.umwelt.policy.explore;

import dev.umwelt.bus.yaml.Bound;
import dev.umwelt.bus.yaml.ScenarioException;
import dev.umwelt.bus.yaml.YamlMap;
import dev.umwelt.bus.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explorer's params: the shipped file is the defaults, overrides land in their field, each error names file:line: field. */
class ExplorerParamsTest {
    /** The shipped reference file, from the policy module's directory (where the tests run). */
    static final Path SHIPPED = Path.of("configs", "explorer.yaml");

    @Test
    void theShippedFileSpellsOutEveryFieldWithItsDefault() {
        YamlMap params = YamlReader.readFile(SHIPPED).requireMap("params");
        assertEquals(ExplorerParams.keys(), java.util.List.copyOf(params.keys()));
        assertEquals(ExplorerConfig.DEFAULTS, ExplorerParams.read(params));
        assertEquals(62, ExplorerParams.keys().size());
    }

    @Test
    void theDefaultsAreTheMeasuredConstants() {
        ExplorerConfig d = ExplorerConfig.DEFAULTS;
        assertEquals(2.2, d.lookRate());
        assertEquals(55, d.rotateInPlace());
        assertEquals(0.25, d.minLookahead());
        assertEquals(0.6, d.maxLookahead());
        assertEquals(0.03, d.hardMargin());
        assertEquals(0.005, d.squeezeMargin());
        assertEquals(0.3, d.turnCost());
        assertEquals(0.7, d.soundPull());
        assertEquals(0.45, d.maxBoxRadius());
        assertEquals(20, d.wellSeenSightings());
        assertEquals(0.7, d.objectStop());
        assertEquals(0.12, d.pointStop());
        assertEquals(38, d.minSnrAtOneMetre());
        assertEquals(8, d.visitedSeconds());
        assertEquals(800_000_000L, ExplorerConfig.nanos(d.recoverSeconds()));
    }

    @Test
    void everyDefaultLiesInItsRange() {
        for (RecordComponent c : ExplorerConfig.class.getRecordComponents()) {
            Bound b = ExplorerParams.BOUNDS.stream().filter(x -> x.key().equals(c.getName())).findFirst().orElseThrow();
            double v = ((Number) ExplorerParams.value(c, ExplorerConfig.DEFAULTS)).doubleValue();
            assertTrue(b.accepts(v), c.getName() + " = " + v + " outside " + b.range());
            assertEquals(c.getType() == int.class, b.whole(), c.getName());
        }
    }

    @Test
    void theReadmeTableGivesEveryFieldsDefaultAndRange() throws IOException {
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("\\| `(\\w+)` \\| (\\S+) \\| ([^|]+?) \\| .+ \\|");
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(SHIPPED.resolveSibling("README.md"))) {
            java.util.regex.Matcher m = row.matcher(line);
            if (!m.matches()) continue;
            String key = m.group(1);
            keys.add(key);
            Bound b = ExplorerParams.BOUNDS.get(ExplorerParams.keys().indexOf(key));
            assertEquals(b.range(), m.group(3), key);
            RecordComponent c = ExplorerConfig.class.getRecordComponents()[ExplorerParams.keys().indexOf(key)];
            assertEquals(((Number) ExplorerParams.value(c, ExplorerConfig.DEFAULTS)).doubleValue(), Double.parseDouble(m.group(2)), key);
        }
        assertEquals(ExplorerParams.keys(), keys);
    }

    @Test
    void anOverrideChangesItsFieldOnly(@TempDir Path dir) throws IOException {
        ExplorerConfig c = read(dir, "maxLookahead: 0.4\n  retries: 5\n  facing: 30");
        assertEquals(0.4, c.maxLookahead());
        assertEquals(5, c.retries());
        assertEquals(30, c.facing());
        assertEquals(ExplorerConfig.DEFAULTS.minLookahead(), c.minLookahead());
        assertEquals(ExplorerConfig.DEFAULTS.soundPull(), c.soundPull());
        assertEquals(ExplorerConfig.DEFAULTS, read(dir, "{}"), "no keys: the defaults");
    }

    @Test
    void anUnknownKeyIsRefusedWithTheNearestOne(@TempDir Path dir) {
        String m = error(dir, "lookRate: 2\n  maxLookahed: 0.4");
        assertTrue(m.startsWith(dir.resolve("p.yaml") + ":4: params.maxLookahed: unknown field 'maxLookahed' "
                + "(did you mean 'maxLookahead'?); allowed fields: lookRate, lookSpacing,"), m);
    }

    @Test
    void aValueOutOfRangeIsRefusedWithTheRange(@TempDir Path dir) {
        assertEquals(dir.resolve("p.yaml") + ":3: params.maxLookahead: 9 outside [0.05, 5] m", error(dir, "maxLookahead: 9"));
        assertEquals(dir.resolve("p.yaml") + ":3: params.facing: 0 outside [1, 180] degrees", error(dir, "facing: 0"));
        assertEquals(dir.resolve("p.yaml") + ":3: params.minLookahead: minLookahead 0.7 above maxLookahead 0.6; "
                + "the lookahead is clamped between them", error(dir, "minLookahead: 0.7"));
    }

    @Test
    void aValueOfTheWrongTypeIsRefused(@TempDir Path dir) {
        assertEquals(dir.resolve("p.yaml") + ":3: params.turnCost: expected a number, got 'high'", error(dir, "turnCost: high"));
        assertEquals(dir.resolve("p.yaml") + ":3: params.retries: expected a whole number, got '1.5'", error(dir, "retries: 1.5"));
        assertEquals(dir.resolve("p.yaml") + ":3: params.keepBonus: expected a number, got a list", error(dir, "keepBonus: [1, 2]"));
    }

    private static ExplorerConfig read(Path dir, String params) throws IOException {
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, "policy: explorer\nparams:\n  " + params + "\n");
        return ExplorerParams.read(YamlReader.readFile(f).requireMap("params"));
    }

    private static String error(Path dir, String params) {
        return assertThrows(ScenarioException.class, () -> read(dir, params)).getMessage();
    }
}
