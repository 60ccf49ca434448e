package dev.umwelt.scenarios.load;

import dev.umwelt.bus.yaml.ScenarioException;

import dev.umwelt.bus.robot.RobotDescriptionLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each malformed input must produce exactly one located line: {@code file:line: field: problem}. */
class MalformedInputTest {
    static final Path FILE = Path.of("tests/bad.yaml");

    /** A valid scenario; tests replace one line of it. Line numbers are 1-based. */
    static final String VALID = String.join("\n",
            "name: t",                                                                   // 1
            "robot: turtle",                                                             // 2
            "timeLimit: 60",                                                             // 3
            "start: {x: 1.0, y: 1.0, yaw: 0}",                                           // 4
            "task:",                                                                     // 5
            "  type: pointnav",                                                          // 6
            "  goal: {x: 4.0, y: 3.0}",                                                  // 7
            "world:",                                                                    // 8
            "  walls:",                                                                  // 9
            "    - {rect: {min: [0, 0], max: [5, 4]}}",                                  // 10
            "  doors:",                                                                  // 11
            "    - {label: d, at: [5, 2], width: 0.9}",                                  // 12
            "  objects:",                                                                // 13
            "    - {id: box1, shape: box, colour: red, at: [2.5, 2.0], size: [0.5, 0.5, 0.5]}", // 14
            "    - {id: can, shape: cylinder, colour: blue, at: [2.5, 3.0], size: [0.3, 0.4]}"); // 15

    static String replaceLine(int line, String text) {
        return replaceLine(VALID, line, text);
    }

    /** {@code yaml} with its 1-based {@code line} replaced by {@code text}. */
    static String replaceLine(String yaml, int line, String text) {
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        lines.set(line - 1, text);
        return String.join("\n", lines);
    }

    static String error(String yaml) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, FILE)).getMessage();
    }

    @Test
    void validBaseLoads() {
        assertEquals(2, ScenarioLoader.parse(VALID, FILE).world().objects().size());
    }

    @Test
    void nonNumber() {
        assertEquals("tests/bad.yaml:7: task.goal.x: expected a number, got 'abc'",
                error(replaceLine(7, "  goal: {x: abc, y: 3.0}")));
    }

    @Test
    void nonNumberInBlockMapping() {
        String yaml = replaceLine(7, "  goal:\n    x: 4.0\n    y: 'three'");
        assertEquals("tests/bad.yaml:9: task.goal.y: expected a number, got 'three'", error(yaml));
    }

    @Test
    void missingRequiredField() {
        assertEquals("tests/bad.yaml:5: task: missing required field 'goal'", error(replaceLine(7, "  successRadius: 0.5")));
    }

    @Test
    void unknownKeySuggestsTheNearestAllowedOne() {
        assertEquals("tests/bad.yaml:7: task.gaol: unknown field 'gaol' (did you mean 'goal'?); "
                        + "allowed fields: type, goal, successRadius, instruction",
                error(replaceLine(7, "  gaol: {x: 4.0, y: 3.0}")));
    }

    @Test
    void badColour() {
        assertEquals("tests/bad.yaml:15: world.objects[1].colour: unknown colour 'mauve'; expected one of: "
                        + "red, green, blue, yellow, orange, purple, pink, cyan, brown, white, grey, black",
                error(replaceLine(15, "    - {id: can, shape: cylinder, colour: mauve, at: [2.5, 3.0], size: [0.3, 0.4]}")));
    }

    @Test
    void duplicateObjectId() {
        assertEquals("tests/bad.yaml:15: world.objects[1].id: duplicate object id 'box1' (first on line 14)",
                error(replaceLine(15, "    - {id: box1, shape: cylinder, colour: blue, at: [2.5, 3.0], size: [0.3, 0.4]}")));
    }

    @Test
    void yamlSyntaxError() {
        assertEquals("tests/bad.yaml:4: YAML syntax error: expected ',' or '}', but got :",
                error(replaceLine(4, "start: {x: 1.0 y: 1.0, yaw: 0")));
    }

    @Test
    void doorOnNoWall() {
        assertEquals("tests/bad.yaml:12: world.doors[0].at: door 'd' at (2.5, 1) lies on no wall; "
                        + "put 'at' on a wall's centre line (within half its thickness)",
                error(replaceLine(12, "    - {label: d, at: [2.5, 1], width: 0.9}")));
    }

    @Test
    void startInsideWall() {
        assertEquals("tests/bad.yaml:4: start: start (1, 0.1) puts the robot (footprint radius 0.18 m) into the wall "
                        + "world.walls[0] (line 10) from (0, 0) to (5, 0); move it at least 0.18 m from the wall",
                error(replaceLine(4, "start: {x: 1.0, y: 0.1, yaw: 0}")));
    }

    @Test
    void goalInsideStaticObject() {
        assertEquals("tests/bad.yaml:7: task.goal: goal (2.6, 2.1) puts the robot (footprint radius 0.18 m) into "
                        + "static object 'box1' (line 14); move it at least 0.18 m from the object",
                error(replaceLine(7, "  goal: {x: 2.6, y: 2.1}")));
    }

    @Test
    void probabilityOutOfRange() {
        String yaml = VALID + "\nsensors:\n  lidar: {dropout: 1.5}";
        assertEquals("tests/bad.yaml:17: sensors.lidar.dropout: 1.5 outside [0, 1]", error(yaml));
    }

    @Test
    void negativeRadiusInRobotDescription() {
        String robot = String.join("\n",
                "name: r",
                "footprintRadius: -0.18",
                "wheelbase: 0.3");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> RobotDescriptionLoader.parse(robot, Path.of("robots/bad.yaml")));
        assertEquals("robots/bad.yaml:2: footprintRadius: -0.18 outside [0.01, 10] m", e.getMessage());
        assertEquals(2, e.line());
        assertEquals("footprintRadius", e.field());
    }

    @Test
    void rangeMinAboveRangeMax() throws Exception {
        String robot = Files.readString(CatalogTest.CATALOG.resolve("robots/turtle.yaml")).replace("rangeMax: 12.0", "rangeMax: 0.1");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> RobotDescriptionLoader.parse(robot, Path.of("robots/turtle.yaml")));
        assertEquals("robots/turtle.yaml:24: sensors.lidar.rangeMax: must be greater than rangeMin (0.12), got 0.1",
                e.getMessage());
    }

    @Test
    void unknownRobotNamesEveryPlaceSearched(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, replaceLine(2, "robot: turtel"));
        List<String> searched = new ArrayList<>();
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            searched.add(d.resolve("robots").resolve("turtel.yaml").toString());
        }
        searched.add("classpath:/umwelt/catalog/robots/turtel.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(scenario));
        assertEquals(scenario + ":2: robot: unknown robot 'turtel'; searched " + String.join(", ", searched), e.getMessage());
    }

    @Test
    void robotFoundNextToScenarioWinsOverClasspath(@TempDir Path dir) throws Exception {
        Path robots = Files.createDirectories(dir.resolve("robots"));
        String turtle = Files.readString(CatalogTest.CATALOG.resolve("robots/turtle.yaml"));
        Files.writeString(robots.resolve("turtle.yaml"), turtle.replace("footprintRadius: 0.18", "footprintRadius: 0.2"));
        Path sub = Files.createDirectories(dir.resolve("a/b"));
        var s = ScenarioLoader.parse(VALID, sub.resolve("s.yaml"));
        assertEquals(0.2, s.robot().footprintRadius());
        assertEquals(robots.resolve("turtle.yaml"), s.robot().source());
    }

    @Test
    void sensorOverridesApplyToTheRobot() {
        String yaml = VALID + "\nsensors:\n  lidar: {noise: 0.0, dropout: 0.0, beams: 180, rate: 10}\n"
                + "  odometry: {yawDriftPerMetre: 0.0}\n  motionNoise: {slipStddev: 0.0}";
        var r = ScenarioLoader.parse(yaml, FILE).robot();
        assertEquals(180, r.lidar().beams());
        assertEquals(10, r.lidar().rateHz());
        assertEquals(0.0, r.lidar().noiseStddev());
        assertEquals(12.0, r.lidar().rangeMax(), "unchanged fields keep the robot's value");
        assertEquals(0.0, r.odometry().yawDriftPerMetre());
        assertEquals(0.01, r.odometry().distanceScaleError());
        assertEquals(0.0, r.motionNoise().slipStddev());
    }
}
