package dev.umwelt.scenarios.load;

import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.Scenario;
import org.junit.jupiter.api.Test;

import static dev.umwelt.scenarios.load.MalformedInputTest.FILE;
import static dev.umwelt.scenarios.load.MalformedInputTest.VALID;
import static dev.umwelt.scenarios.load.MalformedInputTest.error;
import static dev.umwelt.scenarios.load.MalformedInputTest.replaceLine;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every loaded scenario is solvable by its robot (turtle: footprint radius 0.18 m): a door narrower
 * than the robot and a goal no path reaches are refused at their line; shape words are the
 * instruction side's.
 */
class SolvabilityTest {
    /** Two rooms split at x = 5 by a wall with one door: the far room holds the goal. */
    static final String TWO_ROOMS = String.join("\n",
            "name: t",                                                                   // 1
            "robot: turtle",                                                             // 2
            "timeLimit: 60",                                                             // 3
            "start: {x: 1.0, y: 1.0, yaw: 0}",                                           // 4
            "task:",                                                                     // 5
            "  type: pointnav",                                                          // 6
            "  goal: {x: 8.0, y: 2.0}",                                                  // 7
            "world:",                                                                    // 8
            "  walls:",                                                                  // 9
            "    - {rect: {min: [0, 0], max: [10, 4]}}",                                 // 10
            "    - {from: [5, 0], to: [5, 4]}",                                          // 11
            "  doors:",                                                                  // 12
            "    - {label: middle, at: [5, 2], width: 0.9}");                            // 13

    static String twoRooms(int line, String text) {
        return replaceLine(TWO_ROOMS, line, text);
    }

    @Test
    void aDoorWideEnoughLoadsAndANarrowerOneIsRefusedAtItsWidth() {
        assertEquals(8.0, ((dev.umwelt.scenarios.task.PointGoal) ScenarioLoader.parse(TWO_ROOMS, FILE).task()).goal().x());
        assertEquals("tests/bad.yaml:13: world.doors[0].width: door 'middle' is 0.35 m wide, narrower than robot 'turtle'"
                        + " (0.36 m across): it cannot pass; make the door at least that wide",
                error(twoRooms(13, "    - {label: middle, at: [5, 2], width: 0.35}")));
    }

    @Test
    void aGoalBehindAWallWithoutADoorIsUnreachable() {
        String noDoor = TWO_ROOMS.substring(0, TWO_ROOMS.indexOf("\n  doors:"));
        assertEquals("tests/bad.yaml:7: task.goal: unreachable: no path from the start (1, 1) for robot 'turtle' (footprint"
                        + " radius 0.18 m) reaches the pointnav goal within its success radius: is it outside the walls, or"
                        + " behind a wall without a door wide enough?", error(noDoor));
    }

    @Test
    void anObjectGoalInARoomWithoutADoorIsUnreachableAtItsTarget() {
        // Inside the walls' span (which the loader checks already) but walled off: only the geodesic knows.
        String walledOff = TWO_ROOMS.substring(0, TWO_ROOMS.indexOf("\n  doors:"))
                .replace("  type: pointnav\n  goal: {x: 8.0, y: 2.0}", "  type: objectnav\n  target: can")
                + "\n  objects:\n    - {id: can, shape: cylinder, colour: blue, at: [8.0, 2.0], size: [0.3, 0.4]}";
        assertEquals("tests/bad.yaml:7: task.target: unreachable: no path from the start (1, 1) for robot 'turtle' (footprint"
                        + " radius 0.18 m) reaches the objectnav goal within its success radius: is it outside the walls, or"
                        + " behind a wall without a door wide enough?", error(walledOff));
    }

    @Test
    void shapeWordsAreTheInstructionSidesOnes() {
        Scenario s = ScenarioLoader.parse(replaceLine(14, "    - {id: box1, shape: ball, colour: red, at: [2.5, 2.0], size: [0.5, 0.5]}"), FILE);
        assertEquals(Shape.SPHERE, s.world().objects().get(0).shape());
        assertEquals("ball", s.world().objects().get(0).label());
        assertEquals(Shape.BOX, ScenarioLoader.parse(replaceLine(14,
                "    - {id: box1, shape: Cube, colour: red, at: [2.5, 2.0], size: [0.5, 0.5, 0.5]}"), FILE).world().objects().get(0).shape());
        assertEquals("tests/bad.yaml:14: world.objects[0].shape: unknown shape 'bal' (did you mean 'ball'?); expected one of:"
                        + " ball, barrel, box, can, cone, crate, cube, cylinder, drum, sphere",
                error(replaceLine(14, "    - {id: box1, shape: bal, colour: red, at: [2.5, 2.0], size: [0.5, 0.5]}")));
        assertEquals(2, ScenarioLoader.parse(VALID, FILE).world().objects().size());
    }
}
