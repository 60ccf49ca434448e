package dev.umwelt.scenarios.geodesic;

import dev.umwelt.bus.Vec2;

import java.util.List;

/** A collision-free polyline from start to goal (both exact) and its length in metres. */
public record GeodesicPath(List<Vec2> waypoints, double length) {
    public GeodesicPath {
        waypoints = List.copyOf(waypoints);
        if (waypoints.isEmpty()) throw new IllegalArgumentException("a path needs at least one waypoint");
    }
}
