package dev.umwelt.worldmodel.query;

import dev.umwelt.worldmodel.grid.OccupancyGrid;

/**
 * A hand-drawn 5 m x 5 m grid at 0.05 m: a known room (free cells ix 10..49, iy 10..89) walled
 * by occupied cells, with a 1 m door (unknown cells iy 40..59) in its east wall (ix 50), unknown
 * space beyond, and an unreachable free pocket (ix 70..80, iy 70..80) out in the unknown.
 */
final class RoomWithDoor {
    static final float FREE = -4f, OCC = 4f;

    static OccupancyGrid build() {
        OccupancyGrid g = new OccupancyGrid(0, 0, 100, 100, 0.05);
        for (int iy = 9; iy <= 90; iy++)
            for (int ix = 9; ix <= 50; ix++) {
                boolean wall = ix == 9 || ix == 50 || iy == 9 || iy == 90;
                boolean door = ix == 50 && iy >= 40 && iy <= 59;
                if (door) continue;
                g.setLogOdds(ix, iy, wall ? OCC : FREE);
            }
        for (int iy = 70; iy <= 80; iy++)
            for (int ix = 70; ix <= 80; ix++) g.setLogOdds(ix, iy, FREE);
        return g;
    }
}
