package dev.umwelt.scenarios.load;

import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.ArrayDeque;

/** Test-only: breadth-first search on a 5 cm grid of positions where a disc fits. */
final class Reachability {
    private static final double CELL = 0.05;

    private Reachability() {}

    static boolean reachable(WorldMap world, Vec2 start, Vec2 goal, double radius) {
        Vec2[] b = world.bounds();
        int nx = (int) Math.ceil((b[1].x() - b[0].x()) / CELL) + 1;
        int ny = (int) Math.ceil((b[1].y() - b[0].y()) / CELL) + 1;
        boolean[] seen = new boolean[nx * ny];
        int s = index(start, b[0], nx), g = index(goal, b[0], nx);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        if (!free(world, start, radius)) return false;
        queue.add(s);
        seen[s] = true;
        int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        while (!queue.isEmpty()) {
            int c = queue.poll();
            if (c == g) return true;
            int cx = c % nx, cy = c / nx;
            for (int[] d : steps) {
                int x = cx + d[0], y = cy + d[1];
                if (x < 0 || y < 0 || x >= nx || y >= ny || seen[y * nx + x]) continue;
                seen[y * nx + x] = true;
                if (free(world, new Vec2(b[0].x() + x * CELL, b[0].y() + y * CELL), radius)) queue.add(y * nx + x);
            }
        }
        return false;
    }

    private static int index(Vec2 p, Vec2 min, int nx) {
        return (int) Math.round((p.y() - min.y()) / CELL) * nx + (int) Math.round((p.x() - min.x()) / CELL);
    }

    private static boolean free(WorldMap world, Vec2 p, double radius) {
        for (Wall w : world.walls()) if (w.distanceTo(p) < radius) return false;
        for (WorldObject o : world.staticObjects()) if (o.distanceTo(p) < radius) return false;
        return true;
    }
}
