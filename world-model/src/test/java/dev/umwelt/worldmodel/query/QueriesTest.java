package dev.umwelt.worldmodel.query;

import dev.umwelt.worldmodel.grid.OccupancyGrid;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class QueriesTest {
    private static final double RADIUS = 0.2;

    @Test
    void straightPathSeesWallsClearanceAndOptionallyUnknown() {
        OccupancyGrid g = RoomWithDoor.build();
        // inside the room, 0.5 m from the west wall's cell centres (x 0.475)
        assertTrue(StraightPath.isFree(g, 1.0, 1.0, 2.0, 4.0, 0.2, true));
        // through the east wall (x 2.5) below the door
        assertFalse(StraightPath.isFree(g, 1.0, 1.1, 3.0, 1.1, 0.0, false));
        // through the door's centre: unknown cells block only when asked
        assertTrue(StraightPath.isFree(g, 1.0, 2.5, 3.5, 2.5, 0.3, false));
        assertFalse(StraightPath.isFree(g, 1.0, 2.5, 3.5, 2.5, 0.3, true));
        // the door jambs' cell centres are at y 1.975 and 3.025: 0.525 m from y 2.5
        assertTrue(StraightPath.isFree(g, 1.0, 2.5, 3.5, 2.5, 0.49, false));
        assertFalse(StraightPath.isFree(g, 1.0, 2.5, 3.5, 2.5, 0.51, false));
        // a zero-length segment on a wall cell
        assertFalse(StraightPath.isFree(g, 2.52, 1.02, 2.52, 1.02, 0.0, false));
    }

    @Test
    void frontiersAreReachableClusteredAndFiltered() {
        OccupancyGrid g = RoomWithDoor.build();
        Frontiers f = new Frontiers(new ClearanceField(g), RADIUS, 3);
        List<Frontier> found = f.find(1.0, 2.5);
        // only the door: the pocket at ix 70..80 is free with unknown around it but unreachable.
        // The door's frontier cells are ix 49, iy 40..59; those within 0.2 m (4 cells) of the
        // jambs (50,39) and (50,60) are lethal: iy 40..42 and 57..59. 14 cells remain.
        assertEquals(1, found.size(), found.toString());
        Frontier door = found.get(0);
        assertEquals(14, door.cells());
        assertEquals(g.centerX(49), door.x(), 1e-12);
        assertEquals(2.5, door.y(), 0.026);
        // a robot standing in the pocket sees the pocket's own rim: 4 sides of 11 cells minus corners counted once
        List<Frontier> pocket = f.find(3.75, 3.75);
        assertEquals(1, pocket.size());
        assertEquals(40, pocket.get(0).cells());
        // min size filter
        assertEquals(0, new Frontiers(new ClearanceField(g), RADIUS, 15).find(1.0, 2.5).size());
    }

    @Test
    void plannerGoesThroughTheDoorAndKeepsClear() {
        OccupancyGrid g = RoomWithDoor.build();
        GridPlanner p = new GridPlanner(new ClearanceField(g), GridPlanner.Rules.inflated(RADIUS, 3.0));
        Optional<PlannedPath> path = p.plan(1.0, 2.5, 4.0, 1.0, 0.1);
        assertTrue(path.isPresent());
        List<Waypoint> w = path.get().waypoints();
        assertEquals(new Waypoint(1.0, 2.5), w.get(0));
        assertTrue(w.get(w.size() - 1).distanceTo(4.0, 1.0) <= 0.1 + 1e-9, w.toString());
        assertTrue(w.size() >= 3, "must bend at the door: " + w);
        for (int i = 1; i < w.size(); i++) {
            Waypoint a = w.get(i - 1), b = w.get(i);
            assertTrue(StraightPath.isFree(g, a.x(), a.y(), b.x(), b.y(), RADIUS - 0.05, false), a + " -> " + b);
        }
        // straight-line lower bound 3.35 m; via the door's lower clear edge (2.5, ~2.2) about 3.5 m
        assertTrue(path.get().length() > 3.35 && path.get().length() < 3.8, "length " + path.get().length());
        assertTrue(path.get().unknownCells() > 20, "unknown cells " + path.get().unknownCells());
        // unknown cells cost 3x: the cost exceeds the length
        assertTrue(path.get().cost() > path.get().length() + 1.0, "cost " + path.get().cost());
    }

    @Test
    void plannerReportsNoPathIntoAClosedRoomAndApproachesObstacles() {
        OccupancyGrid g = RoomWithDoor.build();
        for (int iy = 40; iy <= 59; iy++) g.setLogOdds(50, iy, RoomWithDoor.OCC); // close the door
        GridPlanner p = new GridPlanner(new ClearanceField(g), GridPlanner.Rules.inflated(RADIUS, 3.0));
        assertTrue(p.plan(1.0, 2.5, 4.0, 1.0, 0.1).isEmpty());
        // a goal on the wall itself is approached to within the tolerance
        Optional<PlannedPath> toWall = p.plan(1.0, 2.5, 2.52, 2.5, 0.35);
        assertTrue(toWall.isPresent());
        Waypoint end = toWall.get().goal();
        assertTrue(end.distanceTo(2.52, 2.5) <= 0.35 + 1e-9);
        assertTrue(end.x() <= 2.5 - RADIUS, "stays outside the inflation: " + end);
        // a start inside the inflation (0.1 m from the wall) escapes it
        assertTrue(p.plan(2.4, 1.0, 1.0, 1.0, 0.1).isPresent());
    }
}
