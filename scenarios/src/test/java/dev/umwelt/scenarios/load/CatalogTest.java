package dev.umwelt.scenarios.load;

import dev.umwelt.bus.robot.RobotResolver;

import dev.umwelt.bus.robot.RobotDescriptionLoader;

import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.scenarios.geodesic.Geodesics;
import dev.umwelt.scenarios.geodesic.TaskGeodesics;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.scenarios.world.Door;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTest {
    static final Path CATALOG = Path.of("catalog");

    static Stream<Path> scenarioFiles() throws IOException {
        try (Stream<Path> s = Files.list(CATALOG)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void catalogHasAtLeastTenScenarios() throws IOException {
        assertTrue(scenarioFiles().count() >= 10, "catalog scenarios: " + scenarioFiles().toList());
    }

    @ParameterizedTest
    @CsvSource({
            // file, rooms, doors, objects, walls after door cutting
            "single-room.yaml, 1, 0, 3, 4",
            "long-corridor.yaml, 1, 0, 3, 4",
            "l-corridor.yaml, 2, 0, 1, 6",
            "four-room-apartment.yaml, 4, 3, 11, 9",
            "cluttered-office.yaml, 1, 0, 23, 4",
            "dead-ends.yaml, 2, 0, 4, 9",
            "narrow-doorways.yaml, 4, 3, 2, 10",
            "zigzag.yaml, 0, 0, 3, 8",
            "open-hall-pillars.yaml, 1, 0, 14, 4",
            "two-room-offset-doors.yaml, 3, 2, 3, 8",
            "warehouse-aisles.yaml, 1, 0, 8, 4",
            "kitchen-beeping-alarm.yaml, 1, 0, 3, 4",
            "apartment-alarm-behind-wall.yaml, 4, 3, 4, 9",
    })
    void scenarioLoadsWithExpectedCounts(String file, int rooms, int doors, int objects, int walls) {
        Scenario s = ScenarioLoader.load(CATALOG.resolve(file));
        assertEquals(file.replace(".yaml", ""), s.name());
        assertEquals(rooms, s.world().rooms().size(), "rooms");
        assertEquals(doors, s.world().doors().size(), "doors");
        assertEquals(objects, s.world().objects().size(), "objects");
        assertEquals(walls, s.world().walls().size(), "walls");
        assertEquals("turtle", s.robotRef());
        assertEquals("turtle", s.robot().name());
        // Found by walking up from catalog/, not on the classpath.
        assertEquals(CATALOG.resolve("robots/turtle.yaml").toAbsolutePath(), s.robot().source());
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void everyGoalIsReachableWithClearance(Path file) {
        Scenario s = ScenarioLoader.load(file);
        RobotDescription r = s.robot();
        for (Door d : s.world().doors()) {
            assertTrue(d.width() >= 2 * r.inflationRadius() - 1e-9, file + ": door too narrow: " + d);
        }
        Vec2 start = new Vec2(s.start().x(), s.start().y());
        for (Wall w : s.world().walls()) assertTrue(w.distanceTo(start) >= 0.4, file + ": start near " + w);
        if (s.task() instanceof PointGoal pg) {
            for (Wall w : s.world().walls()) assertTrue(w.distanceTo(pg.goal()) >= 0.4, file + ": goal near " + w);
            assertTrue(Reachability.reachable(s.world(), start, pg.goal(), r.footprintRadius()), file + ": goal unreachable");
        } else {
            // Object goals: some free position within the success radius of the target is reachable.
            Geodesics g = new Geodesics(ClearanceGrid.build(s.world()), r.inflationRadius());
            double d = TaskGeodesics.distance(g, s.world(), s.task(), start);
            assertTrue(Double.isFinite(d) && d > 1, file + ": object goal unreachable or trivial: " + d);
        }
    }

    @Test
    void reachabilityCheckCanFail() {
        // The zigzag with the robot inflated beyond its 1.15 m gaps must be unreachable.
        Scenario s = ScenarioLoader.load(CATALOG.resolve("zigzag.yaml"));
        assertTrue(!Reachability.reachable(s.world(), new Vec2(1.2, 1.0), ((PointGoal) s.task()).goal(), 0.6));
    }

    @Test
    void doorsAreCutOutOfWallsExactly() {
        Scenario s = ScenarioLoader.load(CATALOG.resolve("four-room-apartment.yaml"));
        List<Wall> walls = s.world().walls();
        // 4 outer walls, then x = 5 split by the kitchen door (centre y 2, width 0.9), then y = 4
        // split by the bedroom door (x 2.5, 0.9) and the bathroom door (x 7.5, 0.8).
        assertWall(walls.get(4), 5, 0, 5, 1.55);
        assertWall(walls.get(5), 5, 2.45, 5, 8);
        assertWall(walls.get(6), 0, 4, 2.05, 4);
        assertWall(walls.get(7), 2.95, 4, 7.1, 4);
        assertWall(walls.get(8), 7.9, 4, 10, 4);
        assertEquals(0.1, walls.get(7).thickness(), 1e-12);
        assertEquals(1.0, walls.get(7).height(), 1e-12);
    }

    @Test
    void anglesAreConvertedFromDegreesToRadians() {
        Scenario s = ScenarioLoader.load(CATALOG.resolve("cluttered-office.yaml"));
        assertEquals(Math.PI / 2, s.start().yaw(), 1e-12);
        WorldObject box1 = s.world().object("box1").orElseThrow();
        assertEquals(Math.toRadians(20), box1.pose().yaw(), 1e-12);
        RobotDescription r = s.robot();
        assertEquals(-Math.PI, r.lidar().angleMin(), 1e-12);
        assertEquals(Math.PI, r.lidar().angleMax(), 1e-12);
        assertEquals(2 * Math.PI / 360, r.lidar().angleIncrement(), 1e-12);
        assertEquals(Math.toRadians(0.3), r.odometry().yawDriftPerMetre(), 1e-12);
        assertNotNull(r.camera());
        assertEquals(Math.toRadians(5), r.camera().pitch(), 1e-12);
        assertEquals(Math.PI / 2, r.camera().horizontalFov(), 1e-12);
    }

    @Test
    void turtleMatchesItsSpecification() {
        RobotDescription r = RobotDescriptionLoader.load(CATALOG.resolve("robots/turtle.yaml"));
        assertEquals(0.18, r.footprintRadius());
        assertEquals(0.10, r.safetyMargin());
        assertEquals(360, r.lidar().beams());
        assertEquals(20, r.lidar().rateHz());
        assertEquals(12.0, r.lidar().rangeMax());
        assertEquals(50, r.odometry().rateHz());
        assertEquals(20, r.controlRateHz());
        assertEquals(500_000_000L, r.commandTimeoutNanos());
        assertEquals(2.5, r.limits().maxAngularVelocity());
        assertEquals(128, r.camera().width());
        assertEquals(96, r.camera().height());
        assertEquals(10, r.camera().rateHz());
        assertEquals(2, r.microphones().size());
        assertEquals(0.2, r.microphones().get(0).y() - r.microphones().get(1).y(), 1e-12);
        assertEquals("mic_left", r.microphones().get(0).frame());
    }

    @Test
    void catalogRobotIsOnTheClasspath() {
        RobotDescription r = RobotResolver.catalogRobot("turtle");
        assertEquals("turtle", r.name());
        assertTrue(r.source().toString().replace('\\', '/').endsWith("umwelt/catalog/robots/turtle.yaml"), r.source().toString());
    }

    private static void assertWall(Wall w, double x1, double y1, double x2, double y2) {
        String msg = "wall " + w;
        assertEquals(x1, w.from().x(), 1e-9, msg);
        assertEquals(y1, w.from().y(), 1e-9, msg);
        assertEquals(x2, w.to().x(), 1e-9, msg);
        assertEquals(y2, w.to().y(), 1e-9, msg);
    }
}
