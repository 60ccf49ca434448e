package dev.umwelt.scenarios.load;

import dev.umwelt.bus.yaml.ScenarioException;

import dev.umwelt.bus.observation.Modality;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.fault.Fault;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario's {@code faults:} list: parsed into Fault records, with file:line errors. */
class FaultsSectionTest {
    private static final Path CATALOG = Path.of("catalog");

    private static String withFaults(String faults) throws Exception {
        return Files.readString(CATALOG.resolve("single-room.yaml")) + "\nfaults:\n" + faults;
    }

    @Test
    void faultsAreParsed() throws Exception {
        Scenario s = ScenarioLoader.parse(withFaults("""
                  - {sensor: lidar, kind: drop, from: 10, to: 20}
                  - {sensor: camera, kind: corrupt, mode: one-colour, from: 5, to: 8}
                  - {sensor: lidar, kind: noise, sigma: 0.5, from: 2, to: 4}
                  - {sensor: odometry, kind: delay, delay: 0.3, from: 1, to: 5}
                """), CATALOG.resolve("x.yaml"));
        assertEquals(4, s.faults().size());
        assertEquals(new Fault(Modality.LIDAR, Fault.Kind.DROP, 10_000_000_000L, 20_000_000_000L, 0, null), s.faults().get(0));
        assertEquals(Fault.Corruption.ONE_COLOUR, s.faults().get(1).corruption());
        assertEquals(0.5, s.faults().get(2).value());
        assertEquals(300_000_000L, s.faults().get(3).delayNanos());
        assertEquals(s.faults(), s.withSeed(3).faults());
    }

    @Test
    void badFaultsNameLineAndField() throws Exception {
        String text = withFaults("  - {sensor: lidar, kind: corrupt, mode: black, from: 1, to: 2}\n");
        int line = (int) text.lines().count();
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(text, CATALOG.resolve("x.yaml")));
        assertTrue(e.getMessage().contains("x.yaml:" + line) && e.getMessage().contains("black"), e.getMessage());
        ScenarioException sensor = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(
                withFaults("  - {sensor: sonar, kind: drop, from: 1, to: 2}\n"), CATALOG.resolve("x.yaml")));
        assertTrue(sensor.getMessage().contains("sensor") && sensor.getMessage().contains("sonar"), sensor.getMessage());
        ScenarioException sigma = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(
                withFaults("  - {sensor: lidar, kind: noise, from: 1, to: 2}\n"), CATALOG.resolve("x.yaml")));
        assertTrue(sigma.getMessage().contains("sigma"), sigma.getMessage());
    }
}
