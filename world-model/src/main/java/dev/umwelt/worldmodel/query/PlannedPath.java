package dev.umwelt.worldmodel.query;

import java.util.List;

/**
 * A path from the planner: waypoints from the start (first) to the goal (last), joined by
 * straight segments that stay clear of inflated obstacles; its length in metres, its cost (metres
 * weighted by the unknown-cell cost) and how many unknown cells it crosses (0: all known free).
 */
public record PlannedPath(List<Waypoint> waypoints, double length, double cost, int unknownCells) {
    public PlannedPath {
        waypoints = List.copyOf(waypoints);
        if (waypoints.isEmpty()) throw new IllegalArgumentException("a path has at least one waypoint");
    }

    public Waypoint goal() {
        return waypoints.get(waypoints.size() - 1);
    }
}
