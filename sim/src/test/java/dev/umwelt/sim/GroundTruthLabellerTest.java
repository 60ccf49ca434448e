package dev.umwelt.sim;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.episode.GroundTruthLabels;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.robot.CameraSpec;
import dev.umwelt.bus.robot.LidarSpec;
import dev.umwelt.bus.robot.MotionNoise;
import dev.umwelt.bus.robot.OdometrySpec;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;
import dev.umwelt.sim.truth.GroundTruthLabeller;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The privileged labels recorded for training: what each beam and column meets, the target's distance, bearing, visibility. */
class GroundTruthLabellerTest {
    /** 360 beams from -180 degrees: beam 180 looks straight ahead, 270 to the left, 0 behind. */
    private static final LidarSpec LIDAR = new LidarSpec(Pose2D.ORIGIN, 10, 360, -Math.PI, Math.PI, 0.1, 20, 0, 0);
    private static final CameraSpec CAMERA = new CameraSpec(0, 0, 0.3, 0, 10, 64, 48, Math.toRadians(90));

    private static Scenario scenario(LidarSpec lidar, WorldObject... extra) {
        RobotDescription robot = Fixtures.robot(lidar, OdometrySpec.perfect(20), MotionNoise.NONE).withCamera(CAMERA);
        List<WorldObject> objects = new java.util.ArrayList<>(List.of(
                Fixtures.object("target", Shape.BOX, new Pose2D(3, 0, 0), 1, 1, false),
                Fixtures.object("pillar", Shape.CYLINDER, new Pose2D(0, 3, 0), 0.6, 0.6, true)));
        objects.addAll(List.of(extra));
        Scenario s = Fixtures.scenario(Fixtures.room(5), objects, Pose2D.ORIGIN, robot);
        return new Scenario(s.name(), null, s.robotRef(), robot, new WorldMap(s.world().walls(), List.of(), List.of(), objects),
                Pose2D.ORIGIN, new ObjectGoal("target", 1.0, "go to the red box"), 60, 100, 1);
    }

    @Test
    void beamsAndColumnsNameWhatTheyMeetFirst() {
        GroundTruthLabels g = GroundTruthLabeller.of(scenario(LIDAR)).at(7, Pose2D.ORIGIN);
        assertEquals(7, g.stampNanos());
        assertEquals(List.of("target", "pillar"), g.objects());
        assertEquals(360, g.beamLabels().length);
        assertEquals(1, g.beamLabels()[180], "straight ahead: the target box");
        assertEquals(2, g.beamLabels()[270], "to the left: the pillar");
        assertEquals(GroundTruthLabels.WALL, g.beamLabels()[0], "behind: the wall");
        assertEquals(64, g.columnLabels().length);
        assertEquals(1, g.columnLabels()[31]);
        assertEquals(1, g.columnLabels()[32]);
        assertEquals(GroundTruthLabels.WALL, g.columnLabels()[0], "45 degrees left passes between box and pillar");
        assertEquals("target", g.targetId());
        assertEquals(2.5, g.targetDistance(), 1e-12, "to the box's surface, as success is judged");
        assertEquals(0, g.targetBearing(), 1e-12);
        assertTrue(g.targetVisible());
        // the box subtends atan(0.5 / 2.5) = 11.3 degrees either side: about 11 beams
        long boxBeams = 0;
        for (short b : g.beamLabels()) if (b == 1) boxBeams++;
        assertTrue(boxBeams >= 20 && boxBeams <= 24, "beams on the box: " + boxBeams);
    }

    @Test
    void behindTheRobotOrBehindAnotherObjectTheTargetIsNotVisible() {
        GroundTruthLabels turned = GroundTruthLabeller.of(scenario(LIDAR)).at(0, new Pose2D(0, 0, Math.PI));
        assertFalse(turned.targetVisible());
        assertEquals(Math.PI, Math.abs(turned.targetBearing()), 1e-12);
        assertEquals(1, turned.beamLabels()[0], "the lidar still sees it behind");

        Scenario screened = scenario(LIDAR, Fixtures.object("screen", Shape.BOX, new Pose2D(1.5, 0, 0), 0.2, 2, false));
        GroundTruthLabels g = GroundTruthLabeller.of(screened).at(0, Pose2D.ORIGIN);
        assertFalse(g.targetVisible(), "the screen hides it");
        assertEquals(3, g.beamLabels()[180]);
        assertEquals(3, g.columnLabels()[32]);
    }

    @Test
    void beyondTheLidarsRangeIsNothing() {
        LidarSpec shortRange = new LidarSpec(Pose2D.ORIGIN, 10, 360, -Math.PI, Math.PI, 0.1, 2, 0, 0);
        GroundTruthLabels g = GroundTruthLabeller.of(scenario(shortRange)).at(0, Pose2D.ORIGIN);
        assertEquals(GroundTruthLabels.NOTHING, g.beamLabels()[180], "the box's face is 2.5 m away");
        assertEquals(1, g.columnLabels()[32], "the camera has no such range");
        GroundTruthLabels near = GroundTruthLabeller.of(scenario(shortRange)).at(0, new Pose2D(1, 0, 0));
        assertEquals(1, near.beamLabels()[180]);
        assertEquals(1.5, near.targetDistance(), 1e-12);
    }
}
