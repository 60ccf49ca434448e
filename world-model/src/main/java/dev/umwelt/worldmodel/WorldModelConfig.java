package dev.umwelt.worldmodel;

/**
 * How a {@link WorldModel} is built. The robot does not know the map, so the grid is a fixed
 * square-ish area centred on the start pose ({@code width} x {@code height} metres at
 * {@code resolution}); scans leaving it are clipped.
 *
 * @param matchDistance  a scan is matched and integrated once the robot has moved this far since the last one
 *                       (m; 0 = every scan), as gmapping's linearUpdate: a standing robot re-adds nothing
 * @param matchAngle     ... or turned this much (rad), gmapping's angularUpdate
 * @param scanInterval   ... or this much time has passed (s), so moved obstacles still clear while standing
 * @param minMatchScore  a match scoring below this keeps the odometry prediction
 * @param unknownCost    planner step cost through an unknown cell, relative to 1 for a free cell
 * @param minFrontierCells frontier clusters smaller than this are noise and not reported
 * @param unknownBlocksStraightPath whether {@link WorldModel#isStraightPathFree} treats unknown cells as obstacles
 */
public record WorldModelConfig(double width, double height, double resolution, double matchDistance, double matchAngle,
                               double scanInterval, double minMatchScore, double unknownCost, int minFrontierCells,
                               boolean unknownBlocksStraightPath) {
    public static final WorldModelConfig DEFAULTS =
            new WorldModelConfig(30, 30, 0.05, 0.3, Math.toRadians(15), 2.0, 0.3, 3.0, 6, false);

    public WorldModelConfig {
        if (!(width > 0) || !(height > 0) || !(resolution > 0)) {
            throw new IllegalArgumentException("width, height, resolution must be > 0: " + width + ", " + height + ", " + resolution);
        }
        if (!(matchDistance >= 0) || !(matchAngle >= 0) || !(scanInterval >= 0)) throw new IllegalArgumentException("match gates must be >= 0");
        if (!(unknownCost >= 1)) throw new IllegalArgumentException("unknownCost must be >= 1: " + unknownCost);
        if (minFrontierCells < 1) throw new IllegalArgumentException("minFrontierCells must be >= 1: " + minFrontierCells);
    }

    public WorldModelConfig withMatchGate(double distance, double angle) {
        return new WorldModelConfig(width, height, resolution, distance, angle, scanInterval, minMatchScore, unknownCost,
                minFrontierCells, unknownBlocksStraightPath);
    }

    public WorldModelConfig withSize(double w, double h) {
        return new WorldModelConfig(w, h, resolution, matchDistance, matchAngle, scanInterval, minMatchScore, unknownCost,
                minFrontierCells, unknownBlocksStraightPath);
    }
}
