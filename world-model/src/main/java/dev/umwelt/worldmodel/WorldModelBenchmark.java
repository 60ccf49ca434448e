package dev.umwelt.worldmodel;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.worldmodel.grid.LikelihoodField;
import dev.umwelt.worldmodel.grid.OccupancyGrid;
import dev.umwelt.worldmodel.pose.ScanMatcher;

/**
 * Costs of the world model's hot paths, in ns/op: integrating a 360-beam scan into a 20 m x
 * 20 m grid at 0.05 m, one scan match (default window +-0.2 m, +-5 deg), and a cell query.
 * The scans are synthetic: a 10 m x 8 m rectangular room seen from poses inside it.
 * Run: {@code java -cp world-model/target/classes:bus/target/classes:sensors/target/classes dev.umwelt.worldmodel.WorldModelBenchmark}
 */
public final class WorldModelBenchmark {
    public static void main(String[] args) {
        OccupancyGrid grid = OccupancyGrid.covering(-10, -10, 10, 10, OccupancyGrid.DEFAULT_RESOLUTION);
        Pose2D mount = new Pose2D(0.05, 0, 0);
        int scans = 2000;
        LidarScan[] s = new LidarScan[64];
        Pose2D[] poses = new Pose2D[s.length];
        for (int i = 0; i < s.length; i++) {
            poses[i] = new Pose2D(-3 + 6.0 * i / s.length, Math.sin(i) * 2, i * 0.1);
            s[i] = roomScan(poses[i].compose(mount));
        }
        for (int i = 0; i < 200; i++) grid.integrate(s[i % s.length], poses[i % s.length].compose(mount));
        long t0 = System.nanoTime();
        for (int i = 0; i < scans; i++) grid.integrate(s[i % s.length], poses[i % s.length].compose(mount));
        long integrate = (System.nanoTime() - t0) / scans;

        LikelihoodField field = new LikelihoodField(grid, 0.1);
        field.update();
        ScanMatcher matcher = new ScanMatcher();
        int matches = 300;
        double sink = 0;
        for (int i = 0; i < 30; i++) sink += matcher.match(field, s[i % s.length], mount, poses[i % s.length]).score();
        t0 = System.nanoTime();
        for (int i = 0; i < matches; i++) {
            Pose2D truth = poses[i % s.length];
            Pose2D guess = new Pose2D(truth.x() + 0.1, truth.y() - 0.07, truth.yaw() + 0.04);
            sink += matcher.match(field, s[i % s.length], mount, guess).score();
        }
        long match = (System.nanoTime() - t0) / matches;

        int queries = 20_000_000;
        t0 = System.nanoTime();
        int free = 0;
        for (int i = 0; i < queries; i++) if (grid.isFreeAt(-4 + (i % 1000) * 0.008, -3 + (i / 1000 % 1000) * 0.006)) free++;
        long query = (System.nanoTime() - t0) / queries;
        t0 = System.nanoTime();
        int masks = 50;
        for (int i = 0; i < masks; i++) sink += grid.toFreeMask().length;
        long mask = (System.nanoTime() - t0) / masks;
        System.out.printf("grid %dx%d cells @ %.2f m, 360-beam scans%n", grid.width(), grid.height(), grid.resolution());
        System.out.printf("integrate scan: %,d ns/op%nscan match:     %,d ns/op%nisFreeAt query: %,d ns/op%ntoFreeMask:     %,d ns/op%n(sink %d %.1f)%n",
                integrate, match, query, mask, free, sink);
    }

    /** A 360-beam scan from {@code laser} inside the room [-5,5] x [-4,4]. */
    public static LidarScan roomScan(Pose2D laser) {
        float[] r = new float[360];
        double inc = 2 * Math.PI / 360;
        for (int i = 0; i < r.length; i++) {
            double a = laser.yaw() - Math.PI + i * inc, c = Math.cos(a), sn = Math.sin(a);
            double tx = c > 0 ? (5 - laser.x()) / c : c < 0 ? (-5 - laser.x()) / c : Double.POSITIVE_INFINITY;
            double ty = sn > 0 ? (4 - laser.y()) / sn : sn < 0 ? (-4 - laser.y()) / sn : Double.POSITIVE_INFINITY;
            double d = Math.min(tx, ty);
            r[i] = d > 12 ? Float.POSITIVE_INFINITY : (float) d;
        }
        return new LidarScan(new Header(0, "laser"), (float) -Math.PI, (float) inc, 0f, 0.05f, 0.12f, 12f, r, null);
    }
}
