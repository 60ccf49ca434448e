package dev.umwelt.worldmodel;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.worldmodel.objects.RememberedObject;
import dev.umwelt.worldmodel.query.Frontier;
import dev.umwelt.worldmodel.sound.SoundSource;

import java.util.List;

/**
 * A compact, immutable copy of a world model for pictures and reports: each grid cell as
 * {@link #FREE}, {@link #UNKNOWN} or {@link #OCCUPIED} (row-major, {@code iy * width + ix}, row 0
 * at {@code originY}), the estimated path, remembered objects, sound sources and frontiers.
 * About one byte per cell, so a finished episode can keep it cheaply.
 */
public record MapSnapshot(double originX, double originY, double resolution, int width, int height, byte[] cells,
                          List<Pose2D> trail, List<RememberedObject> objects, List<SoundSource> sounds,
                          List<Frontier> frontiers) {
    public static final byte FREE = 0, UNKNOWN = 1, OCCUPIED = 2;

    public MapSnapshot {
        if (cells.length != width * height) throw new IllegalArgumentException("cells " + cells.length + " != " + width + "x" + height);
        trail = List.copyOf(trail);
        objects = List.copyOf(objects);
        sounds = List.copyOf(sounds);
        frontiers = List.copyOf(frontiers);
    }

    public byte cell(int ix, int iy) {
        return ix < 0 || iy < 0 || ix >= width || iy >= height ? UNKNOWN : cells[iy * width + ix];
    }

    /** The smallest rectangle holding every known cell and the trail, grown by {@code margin} metres: {minX, minY, maxX, maxY}. */
    public double[] knownBounds(double margin) {
        int minX = width, minY = height, maxX = -1, maxY = -1;
        for (int iy = 0; iy < height; iy++)
            for (int ix = 0; ix < width; ix++)
                if (cells[iy * width + ix] != UNKNOWN) {
                    minX = Math.min(minX, ix); maxX = Math.max(maxX, ix);
                    minY = Math.min(minY, iy); maxY = Math.max(maxY, iy);
                }
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        if (maxX >= 0) {
            x0 = originX + minX * resolution; y0 = originY + minY * resolution;
            x1 = originX + (maxX + 1) * resolution; y1 = originY + (maxY + 1) * resolution;
        }
        for (Pose2D p : trail) {
            x0 = Math.min(x0, p.x()); y0 = Math.min(y0, p.y()); x1 = Math.max(x1, p.x()); y1 = Math.max(y1, p.y());
        }
        if (!Double.isFinite(x0)) return new double[]{originX, originY, originX + width * resolution, originY + height * resolution};
        return new double[]{x0 - margin, y0 - margin, x1 + margin, y1 + margin};
    }
}
