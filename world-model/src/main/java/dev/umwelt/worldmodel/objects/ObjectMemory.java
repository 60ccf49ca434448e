package dev.umwelt.worldmodel.objects;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.robot.CameraSpec;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.worldmodel.objects.ObjectDetector.Sighting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Semantic object memory from the camera, ranged by the lidar, in {@code map}. Not
 * thread-safe; one per robot per episode.
 *
 * <p>Per frame {@link ObjectDetector} finds coloured objects (see there); each sighting is
 * associated with the remembered object of the same colour (white/grey/black count as one
 * family, brightness votes decide) nearest to it within {@code 0.5 m + its radius}, else it
 * starts a new one. Positions are a weighted running mean (near sightings weigh more), the
 * shape a vote (reported only with at least two votes and a 60% majority; null otherwise),
 * confidence grows by 35% of the remaining gap per sighting and decays by 20% per frame in
 * which the object's place is in view, unoccluded per the lidar, and it is not seen. Objects
 * below {@link #FORGET_CONFIDENCE} are forgotten.
 */
public final class ObjectMemory {
    public static final double MIN_QUERY_CONFIDENCE = 0.05, FORGET_CONFIDENCE = 0.02;
    /**
     * Metres beyond the radii within which a sighting joins a track of its colour (white, grey and
     * black together: lighting flips a shade in place). Lidar-ranged sightings of one object fall
     * within 0.2 m of its centre at 1-7 m; a gate of 0.5 m merged a cyan ball into the cyan
     * cylinder 0.53 m off (test episode 21, read as a cylinder 15 times) and a white plant pot into
     * the grey box 0.6 m off (test episode 19), each outvoting the target.
     */
    static final double GATE = 0.25;
    private static final double MAX_WEIGHT = 30, GROW = 0.35, DECAY = 0.8;
    /** Beams an object's footprint must span to count as detectable: one more than a sighting needs. */
    static final int DETECTABLE_BEAMS = ObjectDetector.MIN_BEAMS + 1;
    private static final Shape[] SHAPES = Shape.values();
    private static final boolean SIGHTINGS = Boolean.getBoolean("umwelt.objects.debug");

    private static final class Track {
        final int id;
        final int[] colourVotes;
        final double[] shapeVotes = new double[SHAPES.length];
        int straightVotes, roundVotes;
        /** Sightings whose silhouette read a flat top, and a dome or an apex. */
        int flatTops, pointedTops;
        double x, y, radius, weight, confidence, farthestRange;
        long first, last;
        int sightings;

        Track(int id, int colours) {
            this.id = id;
            this.colourVotes = new int[colours];
        }
    }

    private final RobotDescription robot;
    private final PixelPalette palette = new PixelPalette();
    private final ObjectDetector detector;
    private final CameraSpec cam;
    private final List<Track> tracks = new ArrayList<>();
    private int nextId = 1;
    private long frames;

    public ObjectMemory(RobotDescription robot) {
        this.robot = Objects.requireNonNull(robot, "robot");
        this.cam = robot.camera();
        this.detector = cam == null ? null
                : new ObjectDetector(palette, cam, robot.lidar().mount(), robot.lidar().noiseStddev());
    }

    /**
     * One camera frame with the newest scan (ideally of the same instant: the simulator's 10 Hz
     * frames coincide with 20 Hz scans) and the base pose in {@code map} at the frame's stamp.
     * A scan more than 0.15 s from the frame is not used (its ranges would be misplaced).
     */
    public void observe(CameraFrame frame, LidarScan latestScan, Pose2D basePoseInMapAtFrame) {
        if (detector == null || frame == null || latestScan == null || basePoseInMapAtFrame == null) return;
        long stamp = frame.header().stampNanos();
        if (Math.abs(latestScan.header().stampNanos() - stamp) > 150_000_000L) return;
        frames++;
        Pose2D pose = basePoseInMapAtFrame;
        List<Track> seen = new ArrayList<>();
        for (Sighting s : detector.detect(frame, latestScan)) {
            Pose2D p = pose.compose(new Pose2D(s.x(), s.y(), 0));
            double range = Math.hypot(s.x(), s.y());
            Track t = associate(s, p.x(), p.y());
            if (SIGHTINGS) System.err.printf("sight t=%.2f %s %s at (%.2f,%.2f) range %.2f r %.2f beams %d track %d %s top %s%n", stamp * 1e-9 % 1000, palette.names[s.label()], s.shape(), p.x(), p.y(), range, s.radius(), s.beams(), t == null ? -1 : t.id, s.outline(), s.top());
            if (t == null) {
                t = new Track(nextId++, palette.names.length);
                t.x = p.x();
                t.y = p.y();
                t.radius = s.radius();
                t.first = stamp;
                tracks.add(t);
            }
            double w = 1 / (1 + 0.5 * range);
            double total = t.weight + w;
            t.x = (t.x * t.weight + p.x() * w) / total;
            t.y = (t.y * t.weight + p.y() * w) / total;
            t.radius = (t.radius * t.weight + s.radius() * w) / total;
            t.weight = Math.min(MAX_WEIGHT, total);
            t.colourVotes[s.label()]++;
            if (s.shape() != null) t.shapeVotes[s.shape().ordinal()] += voteWeight(s);
            t.farthestRange = Math.max(t.farthestRange, range);
            if (s.top() == Shape.CYLINDER) t.flatTops++;
            else if (s.top() != null) t.pointedTops++;
            if (s.outline() == Shape.BOX) t.straightVotes++;
            else if (s.outline() != null) t.roundVotes++;
            t.confidence += (1 - t.confidence) * GROW;
            t.last = stamp;
            t.sightings++;
            seen.add(t);
        }
        for (Track t : tracks) {
            if (!seen.contains(t) && inView(t, pose, frame, latestScan)) t.confidence *= DECAY;
        }
        tracks.removeIf(t -> t.confidence < FORGET_CONFIDENCE);
    }

    private Track associate(Sighting s, double x, double y) {
        Track best = null;
        double bestD = Double.MAX_VALUE;
        for (Track t : tracks) {
            boolean sameColour = palette.isAchromatic(s.label()) ? palette.isAchromatic(colourOf(t)) : colourOf(t) == s.label();
            if (!sameColour) continue;
            double d = Math.hypot(t.x - x, t.y - y);
            if (d < GATE + Math.max(t.radius, s.radius()) && d < bestD) { bestD = d; best = t; }
        }
        return best;
    }

    /**
     * In the camera's view, 0.6..5 m away, wide enough for the detector to have found it (its
     * footprint spans {@link #DETECTABLE_BEAMS} lidar beams: a segment needs three, and a small
     * object 4 m off spans two or three, so it went unseen there and faded although it had not
     * moved), and no lidar return clearly in front of it.
     */
    private boolean inView(Track t, Pose2D pose, CameraFrame frame, LidarScan scan) {
        double c = Math.cos(pose.yaw()), s = Math.sin(pose.yaw());
        double dx = t.x - pose.x(), dy = t.y - pose.y();
        double bx = c * dx + s * dy, by = -s * dx + c * dy;
        double[] px = detector.project(bx, by, 0.15, frame.width(), frame.height());
        if (px == null || px[0] < 3 || px[0] > frame.width() - 4) return false;
        Pose2D m = robot.lidar().mount();
        double lx = bx - m.x(), ly = by - m.y(), dist = Math.hypot(lx, ly);
        if (dist < 0.6 || dist > 5) return false;
        double a = Math.atan2(ly, lx) - m.yaw();
        if (scan.angleIncrement() == 0 || scan.beams() == 0) return false;
        if (2 * Math.asin(Math.min(1, t.radius / dist)) < DETECTABLE_BEAMS * Math.abs(scan.angleIncrement())) return false;
        int i = (int) Math.round(dev.umwelt.bus.Angles.normalize(a - scan.angleMin()) / scan.angleIncrement());
        i = Math.floorMod(i, scan.beams());
        double r = scan.ranges()[i];
        if (Double.isNaN(r)) return false;
        return r == Double.POSITIVE_INFINITY || r >= dist - t.radius - 0.3;
    }

    private static int colourOf(Track t) {
        int best = 0;
        for (int i = 1; i < t.colourVotes.length; i++) if (t.colourVotes[i] > t.colourVotes[best]) best = i;
        return best;
    }

    /**
     * A shape vote's weight: a silhouette under 12 columns wide (far or small) is read from a
     * pixel or two of dome or apex, so it weighs less, down to half at 6 columns; a few such early
     * far votes then cannot outvote what the nearer, wider views say.
     */
    static double voteWeight(Sighting s) {
        return s.profile() == null ? 1 : Math.min(1, Math.max(0.5, s.profile().cols() / 12.0));
    }

    private static Shape shapeOf(Track t) {
        int best = 0;
        double known = 0;
        for (int i = 0; i < SHAPES.length; i++) {
            known += t.shapeVotes[i];
            if (t.shapeVotes[i] > t.shapeVotes[best]) best = i;
        }
        return t.shapeVotes[best] >= 1.5 && t.shapeVotes[best] >= 0.6 * known ? SHAPES[best] : null;
    }

    /** The most-read shape; a round outline rules out a box, so box readings then do not count. */
    private static Shape leaningOf(Track t, boolean round) {
        int best = -1;
        for (int i = 0; i < SHAPES.length; i++) {
            if (round && SHAPES[i] == Shape.BOX || t.shapeVotes[i] <= 0) continue;
            if (best < 0 || t.shapeVotes[i] > t.shapeVotes[best]) best = i;
        }
        return best < 0 ? null : SHAPES[best];
    }

    /**
     * The silhouette read a flat top {@link #FLAT_TOPS} times and at least three times as often as
     * a dome or an apex. Views of the calibration scenes read a flat top on 0 of 186 cones and 5 of
     * 245 balls at 0.5-6 m, but on 133 of 270 bins and plant pots, whose footprint alone often stays
     * unread (a flat top is a box's or a cylinder's, and the footprint must tell which).
     */
    private static boolean flatTopped(Track t) {
        return t.flatTops >= FLAT_TOPS && t.flatTops >= 3 * t.pointedTops;
    }

    static final int FLAT_TOPS = 3;

    private RememberedObject snapshot(Track t) {
        boolean round = t.roundVotes >= 3 && t.roundVotes >= 3 * t.straightVotes;
        return new RememberedObject(t.id, palette.names[colourOf(t)], shapeOf(t), t.x, t.y, t.radius, t.confidence,
                t.first, t.last, t.sightings, round, leaningOf(t, round), flatTopped(t), t.farthestRange);
    }

    public List<RememberedObject> objects() {
        List<RememberedObject> out = new ArrayList<>(tracks.size());
        for (Track t : tracks) out.add(snapshot(t));
        return out;
    }

    /**
     * The remembered object that best matches {@code q}, nearest to ({@code x}, {@code y}):
     * objects whose shape is known to match come before those whose shape is unknown, then by
     * distance. Objects below {@link #MIN_QUERY_CONFIDENCE} are not offered.
     */
    public Optional<RememberedObject> nearest(ObjectQuery q, double x, double y) {
        Shape need = q.requiredShape();
        return objects().stream()
                .filter(o -> o.confidence() >= MIN_QUERY_CONFIDENCE && q.matches(o))
                .min(Comparator.<RememberedObject>comparingInt(o -> need != null && o.shape() != need ? 1 : 0)
                        .thenComparingDouble(o -> o.distanceTo(x, y)));
    }

    /** Frames observed so far (for benchmarks and logs). */
    public long framesObserved() {
        return frames;
    }
}
