package dev.umwelt.scenarios.load;

import dev.umwelt.bus.yaml.ScenarioException;

import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.scenarios.geodesic.Geodesics;
import dev.umwelt.scenarios.geodesic.TaskGeodesics;
import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.task.AudioGoal;
import dev.umwelt.scenarios.world.SoundEmitter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code audiogoal} task block: the emitter, its surface, defaults, and one located line per mistake. */
class AudioGoalLoaderTest {
    static final Path FILE = Path.of("tests/audio.yaml");

    static String yaml(String task) {
        return String.join("\n",
                "name: t",                                                                   // 1
                "robot: turtle",                                                             // 2
                "timeLimit: 60",                                                             // 3
                "start: {x: 1.0, y: 1.0, yaw: 0}",                                           // 4
                "task:",                                                                     // 5
                task,                                                                        // 6, 7
                "world:",
                "  walls:",
                "    - {rect: {min: [0, 0], max: [5, 4]}}",
                "  objects:",
                "    - {id: clock, label: alarm clock, shape: box, colour: white, at: [4.0, 3.0], size: [0.4, 0.4, 0.5]}",
                "sounds:",
                "  emitters:",
                "    - {id: alarm, kind: beep, position: [4.1, 3.1], frequency: 1000}",
                "    - {id: hum, kind: tone, position: [0.5, 3.5], frequency: 120}");
    }

    static String error(String yaml) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, FILE)).getMessage();
    }

    @Test
    void emitterDiscByDefault() {
        Scenario s = ScenarioLoader.parse(yaml("  type: audiogoal\n  emitter: alarm"), FILE);
        AudioGoal g = (AudioGoal) s.task();
        assertEquals(new AudioGoal("go to the beeping alarm", "alarm", 1.0, new Vec2(4.1, 3.1), 0.1, null), g);
        assertEquals("audiogoal", g.kind());
        // 1.0 m from the emitter's centre, 0.9 m from its 0.1 m disc.
        assertEquals(0.9, g.distanceToGoal(s.world(), new Vec2(3.1, 3.1)), 1e-12);
        assertEquals(0.0, g.distanceToGoal(s.world(), new Vec2(4.15, 3.1)), 1e-12);
        AudioGoal hum = (AudioGoal) ScenarioLoader.parse(yaml("  type: audiogoal\n  emitter: hum"), FILE).task();
        assertEquals("go to the sound", hum.instruction());
    }

    @Test
    void attachedToAnObjectMeasuresToItsFootprint() {
        Scenario s = ScenarioLoader.parse(yaml("  {type: audiogoal, emitter: alarm, object: clock, successRadius: 0.8,"
                + " instruction: \"find the ringing clock\"}").replace("task:\n  {", "task: {"), FILE);
        AudioGoal g = (AudioGoal) s.task();
        assertEquals("clock", g.objectId());
        assertEquals(0.8, g.successRadius());
        assertEquals("find the ringing clock", g.instruction());
        // The clock's box spans x 3.8..4.2: 1.0 m left of its left face.
        assertEquals(1.0, g.distanceToGoal(s.world(), new Vec2(2.8, 3.0)), 1e-12);
        assertEquals(s.world().object("clock").orElseThrow(), g.surface(s.world()));
    }

    @Test
    void unknownEmitterNamesTheKnownIds() {
        assertEquals("tests/audio.yaml:7: task.emitter: unknown emitter 'siren'; known emitters: alarm, hum",
                error(yaml("  type: audiogoal\n  emitter: siren")));
    }

    @Test
    void noSoundsSectionIsSaid() {
        String noSounds = yaml("  type: audiogoal\n  emitter: alarm").replaceAll("(?s)\nsounds:.*", "");
        assertEquals("tests/audio.yaml:7: task.emitter: unknown emitter 'alarm'; known emitters: none (the scenario has no"
                + " sounds: section with emitters)", error(noSounds));
    }

    @Test
    void attachedEmitterMustLieOnItsObject() {
        // The clock's box spans x 3.8..4.2, y 2.8..3.2: hypot(3.3, 0.3) = 3.31 m from the hum.
        assertEquals("tests/audio.yaml:8: task.object: emitter 'hum' at (0.50, 3.50) is 3.31 m outside object 'clock';"
                + " an attached emitter must lie on its footprint", error(yaml("  type: audiogoal\n  emitter: hum\n  object: clock")));
        assertEquals("tests/audio.yaml:8: task.object: unknown object 'clok'; known objects: clock",
                error(yaml("  type: audiogoal\n  emitter: alarm\n  object: clok")));
    }

    @Test
    void objectAndRadiusExcludeEachOther() {
        assertEquals("tests/audio.yaml:8: task.emitterRadius: give either object (the emitter's surface is the object's)"
                + " or emitterRadius, not both", error(yaml("  type: audiogoal\n  emitter: alarm\n  emitterRadius: 0.2\n  object: clock")));
    }

    @Test
    void catalogKitchenAlarm() {
        Scenario s = ScenarioLoader.load(CatalogTest.CATALOG.resolve("kitchen-beeping-alarm.yaml"));
        AudioGoal g = (AudioGoal) s.task();
        assertEquals("alarm-clock", g.objectId());
        assertEquals(1, s.soundEmitters().size());
        SoundEmitter e = s.soundEmitters().get(0);
        assertEquals(SoundEmitter.Kind.BEEP, e.kind());
        assertEquals(70, e.levelDb());
        assertEquals(50, s.acoustics().effectiveNoiseLevelDb(s.soundEmitters()), 1e-12);
        assertEquals(2, s.robot().microphones().size());
    }

    @Test
    void catalogAlarmBehindWallIsReachedOnlyRoundTheWall() {
        Scenario s = ScenarioLoader.load(CatalogTest.CATALOG.resolve("apartment-alarm-behind-wall.yaml"));
        AudioGoal g = (AudioGoal) s.task();
        assertNull(g.objectId());
        Vec2 start = new Vec2(s.start().x(), s.start().y());
        Geodesics geo = new Geodesics(ClearanceGrid.build(s.world()), s.robot().footprintRadius());
        double geodesic = TaskGeodesics.distance(geo, s.world(), g, start);
        double straight = g.distanceToGoal(s.world(), start) - g.successRadius();
        // Through the kitchen, living room and hall doors: far longer than the line through the wall.
        assertTrue(geodesic > 2 * straight, "geodesic " + geodesic + " vs straight " + straight);
        // No point on the kitchen side of the wall (y < 4) is within the success radius.
        assertTrue(g.distanceToGoal(s.world(), new Vec2(3.5, 3.9)) > g.successRadius());
    }
}
