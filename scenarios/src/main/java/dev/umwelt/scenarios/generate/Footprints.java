package dev.umwelt.scenarios.generate;

import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.List;

/** Exact gaps between footprints in the plane: discs, boxes and wall rectangles (all convex). */
final class Footprints {
    private Footprints() {}

    static double gap(WorldObject a, WorldObject b) {
        if (a.shape().isRound() && b.shape().isRound()) {
            return a.position().distanceTo(b.position()) - a.sizeX() / 2 - b.sizeX() / 2;
        }
        if (a.shape().isRound()) return b.distanceTo(a.position()) - a.sizeX() / 2;
        if (b.shape().isRound()) return a.distanceTo(b.position()) - b.sizeX() / 2;
        return polygonGap(a.boxCorners(), b.boxCorners());
    }

    static double gap(WorldObject o, Wall w) {
        if (o.shape().isRound()) return w.distanceTo(o.position()) - o.sizeX() / 2;
        return polygonGap(o.boxCorners(), w.corners());
    }

    /** Gap between two convex polygons: 0 when they overlap, else the nearest vertex-to-edge distance. */
    static double polygonGap(List<Vec2> a, List<Vec2> b) {
        if (overlap(a, b)) return 0;
        double best = Double.POSITIVE_INFINITY;
        for (Vec2 p : a) best = Math.min(best, toEdges(p, b));
        for (Vec2 p : b) best = Math.min(best, toEdges(p, a));
        return best;
    }

    private static double toEdges(Vec2 p, List<Vec2> poly) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < poly.size(); i++) best = Math.min(best, p.distanceToSegment(poly.get(i), poly.get((i + 1) % poly.size())));
        return best;
    }

    /** Separating axis test: convex polygons overlap unless some edge normal separates them. */
    private static boolean overlap(List<Vec2> a, List<Vec2> b) {
        return !separated(a, b) && !separated(b, a);
    }

    private static boolean separated(List<Vec2> edges, List<Vec2> other) {
        for (int i = 0; i < edges.size(); i++) {
            Vec2 e = edges.get((i + 1) % edges.size()).minus(edges.get(i));
            Vec2 n = new Vec2(-e.y(), e.x());
            double minA = Double.POSITIVE_INFINITY, maxA = Double.NEGATIVE_INFINITY;
            for (Vec2 p : edges) { double d = p.dot(n); minA = Math.min(minA, d); maxA = Math.max(maxA, d); }
            double minB = Double.POSITIVE_INFINITY, maxB = Double.NEGATIVE_INFINITY;
            for (Vec2 p : other) { double d = p.dot(n); minB = Math.min(minB, d); maxB = Math.max(maxB, d); }
            if (maxA < minB || maxB < minA) return true;
        }
        return false;
    }
}
