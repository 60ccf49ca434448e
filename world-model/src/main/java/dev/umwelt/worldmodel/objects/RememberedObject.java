package dev.umwelt.worldmodel.objects;

import dev.umwelt.bus.appearance.Shape;

/**
 * An object the camera has seen, in {@code map}: palette colour name, shape (null when the
 * silhouette was not conclusive), centre ({@code x}, {@code y}) in metres, estimated footprint
 * radius, confidence 0..1 (grows with consistent sightings, decays when its place is in view and
 * it is not seen), first/last sighting stamps and the number of sightings. {@code round}: the
 * lidar footprint was voted an arc (so not a box), even where the shape itself stays unknown
 * (up close the silhouette, which tells a cylinder from a ball or a cone, cannot be read).
 * {@code leaning}: the shape most sightings read, even when too few or too split to be the
 * {@code shape} (null when no sighting read one). {@code flatTopped}: the silhouette mostly read
 * a flat top, so it is a box or a cylinder and not a ball or a cone, even where the footprint
 * cannot tell which of the two. {@code farthestRange}: the farthest range, in metres, it was
 * seen from (a door jamb reads as a small box only from up close, where the scan cannot show the
 * wall going on).
 */
public record RememberedObject(int id, String colour, Shape shape, double x, double y, double radius,
                               double confidence, long firstSeenNanos, long lastSeenNanos, int sightings,
                               boolean round, Shape leaning, boolean flatTopped,
                               double farthestRange) {

    public double distanceTo(double px, double py) {
        return Math.hypot(px - x, py - y);
    }
}
