package dev.umwelt.agent.worldmodel;

import dev.umwelt.sim.bench.LidarWander;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.bus.robot.OdometrySpec;
import dev.umwelt.bus.Vec2;
import dev.umwelt.sim.Simulator;
import dev.umwelt.worldmodel.grid.OccupancyGrid;
import dev.umwelt.worldmodel.pose.PoseEstimator;

import java.nio.file.Path;
import java.util.SplittableRandom;

/** Drives a catalog scenario in the real simulator with a lidar-reactive wander, mapping as it goes. */
final class SimMapping {
    record Result(String name, double odomError, double correctedError, double maxCorrectedError, double iou,
                  double travelled, long matches, long rejected, OccupancyGrid grid) {}

    static Scenario drifting(String name) {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "catalog", name + ".yaml"));
        OdometrySpec o = s.robot().odometry();
        return s.withRobot(s.robot().withOdometry(
                new OdometrySpec(o.rateHz(), 0.02, Math.toRadians(1), o.noiseStddev())));
    }

    static Result run(Scenario scenario, double seconds, long seed) {
        Vec2[] b = scenario.world().bounds();
        OccupancyGrid grid = OccupancyGrid.covering(b[0].x() - 1, b[0].y() - 1, b[1].x() + 1, b[1].y() + 1, 0.05);
        OccupancyGrid truthSwept = OccupancyGrid.covering(b[0].x() - 1, b[0].y() - 1, b[1].x() + 1, b[1].y() + 1, 0.05);
        Pose2D mount = scenario.robot().lidar().mount();
        Simulator sim = new Simulator(scenario, null);
        TickReadings t = sim.reset(seed);
        Pose2D start = sim.groundTruth();
        PoseEstimator est = new PoseEstimator(grid, mount, start);
        SplittableRandom rnd = new SplittableRandom(seed);
        int ticks = (int) Math.round(seconds * scenario.robot().controlRateHz());
        double maxErr = 0, travelled = 0, turnBias = 0;
        Pose2D prevTruth = start;
        LidarScan last = null;
        for (int k = 0; k <= ticks; k++) {
            for (Stamped r : t.readings()) {
                if (r instanceof Odometry o) est.onOdometry(o);
                else if (r instanceof LidarScan s) {
                    Pose2D p = est.onScan(s);
                    truthSwept.integrate(s, sim.groundTruth().compose(mount)); // scan stamped at tick's end substep
                    maxErr = Math.max(maxErr, p.distanceTo(sim.groundTruth()));
                    last = s;
                }
            }
            if (k == ticks) break;
            if (k % 40 == 0) turnBias = rnd.nextDouble(-0.6, 0.6);
            t = sim.step(VelocityCommand.of(sim.nowNanos(), LidarWander.command(last, turnBias), 300_000_000L));
            travelled += prevTruth.distanceTo(sim.groundTruth());
            prevTruth = sim.groundTruth();
        }
        Pose2D truth = sim.groundTruth();
        Odometry lastOdom = t.latest(Odometry.class);
        double odomErr = start.compose(lastOdom.pose()).distanceTo(truth);
        double corrErr = est.pose().distanceTo(truth);
        return new Result(scenario.name(), odomErr, corrErr, maxErr, iou(grid, truthSwept, scenario),
                travelled, est.matches(), est.rejectedMatches(), grid);
    }
    /**
     * Free-space IoU: estimate = the grid's free cells; reference = cells swept by the same
     * scans ray-traced from the ground-truth laser poses (what the lidar observed) whose centre
     * is free in the scenario geometry (ClearanceGrid clearance > 0).
     */
    static double iou(OccupancyGrid grid, OccupancyGrid truthSwept, Scenario scenario) {
        ClearanceGrid clearance = ClearanceGrid.build(scenario.world());
        boolean[] est = grid.toFreeMask();
        boolean[] swept = truthSwept.toFreeMask();
        long inter = 0, union = 0;
        for (int iy = 0; iy < grid.height(); iy++)
            for (int ix = 0; ix < grid.width(); ix++) {
                int k = iy * grid.width() + ix;
                boolean ref = swept[k] && clearance.clearanceAt(grid.centerX(ix), grid.centerY(iy)) > 0;
                if (ref && est[k]) inter++;
                if (ref || est[k]) union++;
            }
        return union == 0 ? 0 : (double) inter / union;
    }
}
