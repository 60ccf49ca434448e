package dev.umwelt.scenarios.load;

import dev.umwelt.bus.yaml.ScenarioException;

import dev.umwelt.scenarios.Scenario;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An episode file carries scenario and robot texts: parsing them must give the Scenario the files give. */
class ParseWithRobotTextTest {
    private static final Path CATALOG = Path.of("catalog");

    @Test
    void everyCatalogScenarioParsesFromItsTextsToTheSameScenario() throws Exception {
        String turtle = Files.readString(CATALOG.resolve("robots/turtle.yaml"));
        try (Stream<Path> files = Files.list(CATALOG)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Scenario fromFile = ScenarioLoader.load(file);
                assertEquals("turtle", fromFile.robotRef(), file.toString());
                Scenario fromText = ScenarioLoader.parse(Files.readString(file), Path.of(fromFile.name() + ".yaml"), turtle);
                assertEqualIgnoringSources(fromFile, fromText, file.toString());
            }
        }
    }

    @Test
    void sensorOverridesStillApplyAndTheRobotTextIsUsedNotTheFile() throws Exception {
        String scenario = Files.readString(CATALOG.resolve("single-room.yaml"));
        String turtle = Files.readString(CATALOG.resolve("robots/turtle.yaml"));
        String renamed = turtle.replaceFirst("(?m)^name:.*$", "name: embedded-turtle");
        Scenario s = ScenarioLoader.parse(scenario, Path.of("/nowhere/single-room.yaml"), renamed);
        assertEquals("embedded-turtle", s.robot().name());
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(scenario, Path.of("/nowhere/single-room.yaml"), "name: [oops"));
        assertTrue(e.getMessage().contains("turtle.yaml"), e.getMessage());
    }

    /** Record equality with every component named {@code source} left out, recursively. */
    static void assertEqualIgnoringSources(Object expected, Object actual, String where) throws Exception {
        if (expected instanceof Record && expected.getClass() == actual.getClass()) {
            for (RecordComponent c : expected.getClass().getRecordComponents()) {
                if (c.getName().equals("source")) continue;
                assertEqualIgnoringSources(c.getAccessor().invoke(expected), c.getAccessor().invoke(actual),
                        where + "." + c.getName());
            }
            return;
        }
        assertEquals(expected, actual, where);
    }
}
