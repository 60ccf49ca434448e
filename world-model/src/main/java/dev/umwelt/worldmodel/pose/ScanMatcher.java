package dev.umwelt.worldmodel.pose;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.worldmodel.grid.LikelihoodField;

/**
 * Correlative scan-to-map matching (Olson 2009, brute force coarse-to-fine): the base pose in
 * the window around a guess that maximises the mean occupied-likelihood of the scan's finite
 * endpoints in a {@link LikelihoodField}. Three levels: +-window at (0.05 m, 1 deg), then
 * +-(0.05 m, 1 deg) at (0.0125 m, 0.25 deg), then +-(0.0125 m, 0.25 deg) at (~4 mm, 0.05 deg).
 * A small quadratic prior towards the guess breaks ties along featureless corridors.
 */
public final class ScanMatcher {
    /** The matched base pose, the score (mean likelihood in [0,1], prior excluded), the endpoints used. */
    public record Match(Pose2D pose, double score, int points) {}

    private final double windowXY, windowYaw, priorWeight;
    private final int beamStride;

    public ScanMatcher() {
        this(0.2, Math.toRadians(5), 0.02, 2);
    }

    public ScanMatcher(double windowXY, double windowYaw, double priorWeight, int beamStride) {
        this.windowXY = windowXY;
        this.windowYaw = windowYaw;
        this.priorWeight = priorWeight;
        this.beamStride = Math.max(1, beamStride);
    }

    /**
     * Matches {@code scan}, taken by a laser at {@code laserMount} in base_link, against
     * {@code field}, searching around the base pose {@code guess} (map frame).
     */
    public Match match(LikelihoodField field, LidarScan scan, Pose2D laserMount, Pose2D guess) {
        float[] r = scan.ranges();
        double[] px = new double[r.length / beamStride + 1], py = new double[px.length];
        int n = 0;
        for (int i = 0; i < r.length; i += beamStride) {
            float ri = r[i];
            if (!Float.isFinite(ri) || ri < scan.rangeMin() || ri > scan.rangeMax()) continue;
            double a = scan.angleOf(i);
            Pose2D p = laserMount.compose(new Pose2D(ri * Math.cos(a), ri * Math.sin(a), 0));
            px[n] = p.x();
            py[n] = p.y();
            n++;
        }
        if (n < 10) return new Match(guess, 0, n);
        double[] best = {guess.x(), guess.y(), guess.yaw(), Double.NEGATIVE_INFINITY, 0};
        search(field, px, py, n, guess, best, guess.x(), guess.y(), guess.yaw(), windowXY, 0.05, windowYaw, Math.toRadians(1));
        search(field, px, py, n, guess, best, best[0], best[1], best[2], 0.05, 0.0125, Math.toRadians(1), Math.toRadians(0.25));
        search(field, px, py, n, guess, best, best[0], best[1], best[2], 0.0125, 0.0125 / 3, Math.toRadians(0.25), Math.toRadians(0.05));
        return new Match(new Pose2D(best[0], best[1], best[2]), best[4], n);
    }

    private void search(LikelihoodField field, double[] px, double[] py, int n, Pose2D guess, double[] best,
                        double cx, double cy, double cyaw, double wxy, double sxy, double wyaw, double syaw) {
        int kxy = (int) Math.round(wxy / sxy), kyaw = (int) Math.round(wyaw / syaw);
        double[] wx = new double[n], wy = new double[n];
        best[3] = Double.NEGATIVE_INFINITY; // re-score the incumbent at this level's resolution
        for (int t = -kyaw; t <= kyaw; t++) {
            double yaw = cyaw + t * syaw, c = Math.cos(yaw), s = Math.sin(yaw);
            for (int k = 0; k < n; k++) {
                wx[k] = c * px[k] - s * py[k];
                wy[k] = s * px[k] + c * py[k];
            }
            for (int j = -kxy; j <= kxy; j++) {
                double y = cy + j * sxy;
                for (int i = -kxy; i <= kxy; i++) {
                    double x = cx + i * sxy;
                    double sum = 0;
                    for (int k = 0; k < n; k++) sum += field.at(x + wx[k], y + wy[k]);
                    double score = sum / n;
                    double dx = (x - guess.x()) / windowXY, dy = (y - guess.y()) / windowXY;
                    double dyaw = (yaw - guess.yaw()) / windowYaw;
                    double objective = score - priorWeight * (dx * dx + dy * dy + dyaw * dyaw);
                    if (objective > best[3]) {
                        best[0] = x; best[1] = y; best[2] = yaw; best[3] = objective; best[4] = score;
                    }
                }
            }
        }
    }
}
