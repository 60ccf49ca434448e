package dev.umwelt.scenarios.generate;

import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.world.Door;
import dev.umwelt.scenarios.world.Room;
import dev.umwelt.scenarios.world.Wall;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Apartments (a rectangle cut into rooms by guillotine splits, one door per split wall, so every
 * room is connected) and offices (a corridor along x with rooms off it, one door each).
 */
final class LayoutGenerator {
    static final double MIN_DOOR = 0.8, MAX_DOOR = 1.0;
    static final double MIN_CORRIDOR = 1.2, MAX_CORRIDOR = 2.0;
    /** Door edges keep this far from wall junctions, so a door never cuts two walls. */
    static final double DOOR_JUNCTION_GAP = 0.5;
    static final double MIN_ROOM_SIDE = 2.6;
    static final List<String> APARTMENT_ROOMS = List.of("kitchen", "living room", "bedroom", "bathroom", "hall",
            "storage", "dining room", "study", "guest room", "laundry");
    static final List<String> OFFICE_ROOMS = List.of("office", "meeting room", "kitchen", "storage", "reception",
            "print room", "lab", "lounge", "server room", "archive");

    private LayoutGenerator() {}

    /** @param rooms named regions wanted, 1..6 (an office's corridor counts as one, so offices need >= 2) */
    static Layout generate(int rooms, SplittableRandom rng) {
        boolean office = rooms >= 2 && rng.nextDouble() < 0.4;
        return office ? office(rooms - 1, rng) : apartment(rooms, rng);
    }

    private record Rect(double x0, double y0, double x1, double y1) {
        double w() { return x1 - x0; }
        double h() { return y1 - y0; }
    }

    /** A split wall: a vertical (x = at) or horizontal (y = at) segment from lo to hi. */
    private record Split(boolean vertical, double at, double lo, double hi) {}

    static Layout apartment(int rooms, SplittableRandom rng) {
        double area = rooms * rng.nextDouble(12, 24) + 20;
        double aspect = rng.nextDouble(0.7, 1.4);
        double w = clamp(r1(Math.sqrt(area * aspect)), 5, 19), h = clamp(r1(area / w), 5, 19);
        List<Rect> leaves = new ArrayList<>(List.of(new Rect(0, 0, w, h)));
        List<Split> splits = new ArrayList<>();
        while (leaves.size() < rooms) {
            Rect big = leaves.stream().max((a, b) -> Double.compare(a.w() * a.h(), b.w() * b.h())).orElseThrow();
            boolean vertical = big.w() >= big.h();
            double span = vertical ? big.w() : big.h();
            if (span < 2 * MIN_ROOM_SIDE) break;
            double cut = r1((vertical ? big.x0() : big.y0()) + span * rng.nextDouble(0.35, 0.65));
            cut = r1(clamp(cut, (vertical ? big.x0() : big.y0()) + MIN_ROOM_SIDE, (vertical ? big.x1() : big.y1()) - MIN_ROOM_SIDE));
            leaves.remove(big);
            if (vertical) {
                leaves.add(new Rect(big.x0(), big.y0(), cut, big.y1()));
                leaves.add(new Rect(cut, big.y0(), big.x1(), big.y1()));
                splits.add(new Split(true, cut, big.y0(), big.y1()));
            } else {
                leaves.add(new Rect(big.x0(), big.y0(), big.x1(), cut));
                leaves.add(new Rect(big.x0(), cut, big.x1(), big.y1()));
                splits.add(new Split(false, cut, big.x0(), big.x1()));
            }
        }
        List<Wall> interior = new ArrayList<>();
        List<Door> doors = new ArrayList<>();
        for (Split s : splits) {
            interior.add(s.vertical() ? Layout.wall(new Vec2(s.at(), s.lo()), new Vec2(s.at(), s.hi()))
                    : Layout.wall(new Vec2(s.lo(), s.at()), new Vec2(s.hi(), s.at())));
            // Junctions: the ends of other split walls that meet this one.
            List<Double> stops = new ArrayList<>(List.of(s.lo(), s.hi()));
            for (Split o : splits) {
                if (o.vertical() == s.vertical()) continue;
                if ((o.lo() == s.at() || o.hi() == s.at()) && o.at() > s.lo() && o.at() < s.hi()) stops.add(o.at());
            }
            doors.add(doorOn(s, stops, rng));
        }
        List<Room> named = name(leaves, APARTMENT_ROOMS, rng);
        return new Layout(Layout.Kind.APARTMENT, Vec2.ZERO, new Vec2(w, h), interior, doors, named);
    }

    private static Door doorOn(Split s, List<Double> stops, SplittableRandom rng) {
        double width = Math.round(rng.nextDouble(MIN_DOOR, MAX_DOOR) * 100) / 100.0;
        List<Double> sorted = stops.stream().sorted().toList();
        List<double[]> slots = new ArrayList<>();
        for (int i = 0; i + 1 < sorted.size(); i++) {
            double lo = sorted.get(i) + DOOR_JUNCTION_GAP + width / 2, hi = sorted.get(i + 1) - DOOR_JUNCTION_GAP - width / 2;
            if (hi > lo) slots.add(new double[] {lo, hi});
        }
        if (slots.isEmpty()) throw new Rejected("no room for a door on a wall");
        double[] slot = slots.get(rng.nextInt(slots.size()));
        double t = Num.len(slot[0] + (slot[1] - slot[0]) * rng.nextDouble());
        Vec2 at = s.vertical() ? new Vec2(s.at(), t) : new Vec2(t, s.at());
        return new Door("door", at, width);
    }

    /** Offices: rooms of 3-5 m on one or both sides of a corridor running along x. */
    static Layout office(int rooms, SplittableRandom rng) {
        int above = (rooms + 1) / 2, below = rooms - above;
        if (rng.nextBoolean()) { int t = above; above = below; below = t; }
        double cw = r1(rng.nextDouble(MIN_CORRIDOR, MAX_CORRIDOR));
        double da = above > 0 ? r1(rng.nextDouble(3, 5)) : 0, db = below > 0 ? r1(rng.nextDouble(3, 5)) : 0;
        double[] wa = widths(above, rng), wb = widths(below, rng);
        double len = r1(Math.max(6, Math.max(sum(wa), sum(wb))));
        stretchLast(wa, len);
        stretchLast(wb, len);
        double yc0 = db, yc1 = r1(db + cw), top = r1(yc1 + da);
        List<Wall> interior = new ArrayList<>();
        List<Door> doors = new ArrayList<>();
        List<Rect> rects = new ArrayList<>();
        if (below > 0) interior.add(Layout.wall(new Vec2(0, yc0), new Vec2(len, yc0)));
        if (above > 0) interior.add(Layout.wall(new Vec2(0, yc1), new Vec2(len, yc1)));
        side(wb, 0, yc0, yc0, interior, doors, rects, rng);
        side(wa, yc1, top, yc1, interior, doors, rects, rng);
        List<Room> named = new ArrayList<>(List.of(new Room("corridor", new Vec2(0, yc0), new Vec2(len, yc1))));
        named.addAll(name(rects, OFFICE_ROOMS, rng));
        return new Layout(Layout.Kind.OFFICE, Vec2.ZERO, new Vec2(len, top), interior, doors, named);
    }

    private static void side(double[] widths, double y0, double y1, double doorY, List<Wall> interior, List<Door> doors,
                             List<Rect> rects, SplittableRandom rng) {
        double x = 0;
        for (int i = 0; i < widths.length; i++) {
            double x1 = r1(x + widths[i]);
            if (i + 1 < widths.length) interior.add(Layout.wall(new Vec2(x1, y0), new Vec2(x1, y1)));
            doors.add(doorOn(new Split(false, doorY, x, x1), List.of(x, x1), rng));
            rects.add(new Rect(x, y0, x1, y1));
            x = x1;
        }
    }

    private static double[] widths(int n, SplittableRandom rng) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = r1(rng.nextDouble(3, 5));
        return w;
    }

    private static void stretchLast(double[] w, double len) {
        if (w.length > 0) w[w.length - 1] = r1(w[w.length - 1] + len - sum(w));
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double v : w) s += v;
        return s;
    }

    private static List<Room> name(List<Rect> rects, List<String> names, SplittableRandom rng) {
        List<String> pool = new ArrayList<>(names);
        List<Room> out = new ArrayList<>();
        for (Rect r : rects) {
            String n = pool.remove(rng.nextInt(pool.size()));
            out.add(new Room(n, new Vec2(r.x0(), r.y0()), new Vec2(r.x1(), r.y1())));
        }
        return out;
    }

    /** Layout coordinates on a 0.1 m grid: readable files, and junctions compare exactly. */
    private static double r1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
