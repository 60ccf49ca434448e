package dev.umwelt.scenarios.load;

import dev.umwelt.bus.robot.RobotDescriptionLoader;


import dev.umwelt.bus.yaml.Bound;

import dev.umwelt.bus.yaml.ScenarioException;

import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.testing.OutOfRangeCases;
import dev.umwelt.scenarios.testing.OutOfRangeCases.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every documented range holds at both ends, through the real loader on real files (scenarios/README.md, "Ranges"). */
class BoundsTest {
    @Test
    void theTemplatesLoadAsTheyAre(@TempDir Path dir) {
        Scenario point = ScenarioLoader.load(OutOfRangeCases.writeValid(dir.resolve("p"), 0));
        assertEquals(180, point.robot().lidar().beams(), "the scenario's lidar override applies");
        assertEquals(128, point.robot().cameraSpec().orElseThrow().width());
        assertEquals(2, point.faults().size());
        Scenario audio = ScenarioLoader.load(OutOfRangeCases.writeValid(dir.resolve("a"), 1));
        assertEquals("bounds-audio", audio.name());
    }

    @Test
    void everyOutOfRangeValueIsRefusedAtItsLineWithItsRange(@TempDir Path dir) {
        List<Case> cases = OutOfRangeCases.all();
        assertTrue(cases.size() >= 2 * Bounds.ALL.size(), "both ends of every bound: " + cases.size());
        assertTrue(cases.size() >= 100, "at least 100 values: " + cases.size());
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Path d = dir.resolve("c" + i);
            Path scenario = c.write(d);
            ScenarioException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(ScenarioException.class, () -> ScenarioLoader.load(scenario), c::toString), c::toString);
            String expected = c.expectedMessage(d);
            if (!expected.equals(e.getMessage()) || !c.path().equals(e.field())) wrong.add(c + ":\n  want " + expected + "\n  got  " + e.getMessage());
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + cases.size() + " cases wrong:\n" + String.join("\n", wrong));
    }

    @Test
    void theValuesTheIssueFoundAreRefused(@TempDir Path dir) {
        Map<String, Bound> byField = Bounds.ALL.stream().collect(Collectors.toMap(Bound::field, Function.identity()));
        // field, concrete path, value, in the robot file
        Object[][] found = {
                {"world.walls[].from[]", "world.walls[0].from[0]", "1e7", false},
                {"sensors.lidar.beams", "sensors.lidar.beams", "2000000000", true},
                {"sensors.camera.width", "sensors.camera.width", "100000", true},
                {"sensors.camera.height", "sensors.camera.height", "100000", true},
                {"controlRate", "controlRate", "1e-9", true},
                {"controlRate", "controlRate", "1e12", true},
                {"mass", "mass", "1e300", true},
                {"physicsRate", "physicsRate", "1e9", false},
                {"physicsRate", "physicsRate", "1e12", false},
                {"limits.maxLinearVelocity", "limits.maxLinearVelocity", "1e9", true},
                {"sounds.sampleRate", "sounds.sampleRate", "1000000000", false},
                {"motionNoise.slipStddev", "motionNoise.slipStddev", "1e6", true},
                {"world.doors[].width", "world.doors[0].width", "1e-9", false},
                {"faults[].delay", "faults[1].delay", "1e12", false},
                {"timeLimit", "timeLimit", "1e400", false},
                {"start.x", "start.x", ".inf", false},
                {"task.goal.y", "task.goal.y", "-.inf", false},
        };
        for (Object[] f : found) {
            Case c = new Case(byField.get((String) f[0]), (String) f[1], (String) f[2], (Boolean) f[3], 0);
            Path d = dir.resolve("f" + f[1] + f[2]);
            Path scenario = c.write(d);
            ScenarioException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(ScenarioException.class, () -> ScenarioLoader.load(scenario), c::toString));
            assertEquals(c.expectedMessage(d), e.getMessage());
        }
    }

    @Test
    void nanIsNotANumber() {
        String yaml = MalformedInputTest.replaceLine(7, "  goal: {x: .nan, y: 3.0}");
        assertEquals("tests/bad.yaml:7: task.goal.x: .nan outside [-1000, 1000] m", MalformedInputTest.error(yaml));
    }

    @Test
    void startGoalObjectsAndEmittersMustLieInsideTheWalls() {
        assertEquals("tests/bad.yaml:4: start: start (10, 10) lies outside the world: the walls span x [-0.05, 5.05], "
                + "y [-0.05, 4.05] m", MalformedInputTest.error(MalformedInputTest.replaceLine(4, "start: {x: 10, y: 10}")));
        assertEquals("tests/bad.yaml:7: task.goal: goal (-3, 3) lies outside the world: the walls span x [-0.05, 5.05], "
                + "y [-0.05, 4.05] m", MalformedInputTest.error(MalformedInputTest.replaceLine(7, "  goal: {x: -3, y: 3}")));
        assertEquals("tests/bad.yaml:14: world.objects[0].at: object 'box1' (2.5, 40) lies outside the world: the walls span "
                        + "x [-0.05, 5.05], y [-0.05, 4.05] m",
                MalformedInputTest.error(MalformedInputTest.replaceLine(14,
                        "    - {id: box1, shape: box, colour: red, at: [2.5, 40], size: [0.5, 0.5, 0.5]}")));
        String sounds = MalformedInputTest.VALID + "\nsounds:\n  emitters:\n    - {id: a, kind: tone, position: [9, 1], frequency: 500}";
        assertEquals("tests/bad.yaml:18: sounds.emitters[0].position: emitter 'a' (9, 1) lies outside the world: the walls "
                + "span x [-0.05, 5.05], y [-0.05, 4.05] m", MalformedInputTest.error(sounds));
    }

    @Test
    void aWorldLargerThanTheGridAllowsIsRefusedAtWorld() {
        String yaml = MalformedInputTest.replaceLine(10, "    - {rect: {min: [0, 0], max: [500, 100]}}");
        assertEquals("tests/bad.yaml:8: world: walls and objects span 500.1 x 100.1 m = 50060.01 m^2; at most 40000 m^2 "
                + "(e.g. 200 x 200 m) are allowed", MalformedInputTest.error(yaml));
    }

    @Test
    void listsLongerThanTheirLimitAreRefusedAtTheFirstItemTooMany() {
        StringBuilder walls = new StringBuilder("world:\n  walls:\n");
        for (int i = 0; i <= WorldBounds.MAX_WALLS; i++) walls.append("    - {from: [0, ").append(i % 100).append("], to: [1, 0]}\n");
        String yaml = String.join("\n", MalformedInputTest.VALID.lines().limit(7).toList()) + "\n" + walls;
        assertEquals("tests/bad.yaml:" + (10 + WorldBounds.MAX_WALLS) + ": world.walls[10000]: more than 10000 items in "
                + "world.walls; at most 10000 are allowed", MalformedInputTest.error(yaml));
    }

    @Test
    void microphonesOnTopOfEachOtherAreRefused() {
        // Their horizontal spacing divides sound bearing: 16 microphones at one point crashed the explorer.
        String robot = OutOfRangeCases.ROBOT.replace("{frame: mic_right, x: 0, y: -0.1, z: 0.3}", "{frame: mic_right, x: 0.005, y: 0.1, z: 0}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> RobotDescriptionLoader.parse(robot, Path.of("robots/bot.yaml")));
        assertEquals("robots/bot.yaml:17: sensors.microphones[1]: microphone 'mic_right' is within 0.01 m (x, y) of 'mic_left'; "
                + "a pair must be apart in the floor plane to hear a bearing", e.getMessage());
    }

    @Test
    void aClipThatIsNoRegularFileOrTooLargeIsRefusedBeforeReading(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("robots"));
        Files.writeString(dir.resolve("robots/bot.yaml"), OutOfRangeCases.ROBOT);
        try (var f = new java.io.RandomAccessFile(dir.resolve("big.wav").toFile(), "rw")) {
            f.setLength(SoundBounds.MAX_CLIP_BYTES + 1); // sparse: costs no disk
        }
        Files.createDirectories(dir.resolve("dir.wav"));
        for (String clip : new String[] {"big.wav", "dir.wav"}) {
            String text = MalformedInputTest.replaceLine(2, "robot: bot") + "\nsounds:\n  emitters:\n    - {id: c, kind: clip, "
                    + "position: [1, 1], clip: " + clip + "}";
            Files.writeString(dir.resolve("s.yaml"), text);
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("s.yaml")));
            assertEquals(18, e.line(), e.getMessage());
            assertTrue(e.getMessage().contains(clip.equals("big.wav") ? "is 33554433 bytes; at most 33554432 (32 MiB)"
                    : "is not a regular file"), e.getMessage());
        }
    }

    @Test
    void theReadmeTableListsEveryBoundAsTheTableHasIt() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> missing = Bounds.ALL.stream().map(Bounds::readmeRow).filter(row -> !readme.contains(row)).toList();
        assertTrue(missing.isEmpty(), "README.md lacks (or has other) rows:\n" + String.join("\n", missing));
        long rows = readme.lines().filter(l -> l.startsWith("| `") && l.contains(" | [")).count();
        assertEquals(Bounds.ALL.size(), rows, "README ranges rows");
    }
}
