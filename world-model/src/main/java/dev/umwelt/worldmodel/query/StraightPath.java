package dev.umwelt.worldmodel.query;

import dev.umwelt.worldmodel.grid.OccupancyGrid;

/** Whether a straight segment keeps a clearance from every occupied (and optionally unknown) cell. */
public final class StraightPath {
    private StraightPath() {}

    /**
     * True when no occupied cell (and, if {@code unknownBlocks}, no unknown cell) has its centre
     * within {@code clearance} of the segment (x0,y0)-(x1,y1). Cells outside the grid are
     * unknown. Checks every cell of the segment's bounding box grown by the clearance.
     */
    public static boolean isFree(OccupancyGrid grid, double x0, double y0, double x1, double y1, double clearance,
                                 boolean unknownBlocks) {
        double c = Math.max(0, clearance);
        int minX = grid.cellX(Math.min(x0, x1) - c), maxX = grid.cellX(Math.max(x0, x1) + c);
        int minY = grid.cellY(Math.min(y0, y1) - c), maxY = grid.cellY(Math.max(y0, y1) + c);
        double dx = x1 - x0, dy = y1 - y0, len2 = dx * dx + dy * dy;
        // a cell whose centre is within half a cell of the segment is crossed by it even at zero clearance
        double reach = c + grid.resolution() * 0.5, reach2 = reach * reach;
        for (int iy = minY; iy <= maxY; iy++) {
            double cy = grid.centerY(iy);
            for (int ix = minX; ix <= maxX; ix++) {
                boolean blocked = grid.isOccupied(ix, iy) || (unknownBlocks && grid.isUnknown(ix, iy));
                if (!blocked) continue;
                double cx = grid.centerX(ix);
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((cx - x0) * dx + (cy - y0) * dy) / len2));
                double ex = x0 + t * dx - cx, ey = y0 + t * dy - cy;
                if (ex * ex + ey * ey <= reach2) return false;
            }
        }
        return true;
    }
}
