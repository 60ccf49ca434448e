package dev.umwelt.scenarios.load;

import dev.umwelt.bus.yaml.ScenarioException;

import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.task.ObjectGoal;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The {@code objectnav} task block: defaults, and one located line per mistake. */
class ObjectNavLoaderTest {
    static final Path FILE = Path.of("tests/objnav.yaml");

    static String yaml(String task) {
        return String.join("\n",
                "name: t",                                                                   // 1
                "robot: turtle",                                                             // 2
                "timeLimit: 60",                                                             // 3
                "start: {x: 1.0, y: 1.0, yaw: 0}",                                           // 4
                "task:",                                                                     // 5
                task,                                                                        // 6..
                "world:",
                "  walls:",
                "    - {rect: {min: [0, 0], max: [5, 4]}}",
                "  objects:",
                "    - {id: box1, shape: box, colour: red, at: [2.5, 2.0], size: [0.5, 0.5, 0.5]}",
                "    - {id: ball1, label: ball, shape: sphere, colour: gray, at: [4.0, 3.0], size: [0.3, 0.3]}");
    }

    static String error(String yaml) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, FILE)).getMessage();
    }

    @Test
    void defaultsRadiusAndInstruction() {
        Scenario s = ScenarioLoader.parse(yaml("  type: objectnav\n  target: ball1"), FILE);
        assertEquals(new ObjectGoal("ball1", ObjectGoal.DEFAULT_SUCCESS_RADIUS, "go to the grey ball"), s.task());
        assertEquals("objectnav", s.task().kind());
    }

    @Test
    void explicitFields() {
        Scenario s = ScenarioLoader.parse(yaml(
                "  {type: objectnav, target: box1, successRadius: 0.5, instruction: \"find the red box\"}")
                .replace("task:\n  {", "task: {"), FILE);
        assertEquals(new ObjectGoal("box1", 0.5, "find the red box"), s.task());
    }

    @Test
    void unknownTargetNamesTheKnownIds() {
        assertEquals("tests/objnav.yaml:7: task.target: unknown object 'box9'; known objects: box1, ball1",
                error(yaml("  type: objectnav\n  target: box9")));
    }

    @Test
    void missingTarget() {
        assertEquals("tests/objnav.yaml:5: task: missing required field 'target'",
                error(yaml("  type: objectnav\n  successRadius: 1.0")));
    }

    @Test
    void nonPositiveRadius() {
        assertEquals("tests/objnav.yaml:8: task.successRadius: 0 outside [0.01, 100] m",
                error(yaml("  type: objectnav\n  target: box1\n  successRadius: 0")));
    }

    @Test
    void pointNavFieldIsRejectedWithTheAllowedList() {
        assertEquals("tests/objnav.yaml:8: task.goal: unknown field 'goal'; allowed fields: type, target, successRadius, instruction",
                error(yaml("  type: objectnav\n  target: box1\n  goal: {x: 1, y: 1}")));
    }

    @Test
    void unknownTaskTypeListsObjectNav() {
        assertEquals("tests/objnav.yaml:6: task.type: unknown value 'vln'; expected one of: pointnav, objectnav, audiogoal",
                error(yaml("  type: vln\n  target: box1")));
    }
}
