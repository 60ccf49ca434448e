package dev.umwelt.agent.replay;

import dev.umwelt.agent.view.ViewerFeed;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.episodes.replay.EpisodeFile;
import dev.umwelt.episodes.replay.EpisodeFile.Timed;
import dev.umwelt.episodes.replay.EpisodeFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a recorded episode into a {@link ViewerFeed} tick by tick: each ground-truth message is a
 * tick, carrying the scans and camera frames logged since the previous one and the command passed
 * at that tick. Paced by log time divided by {@code speed}; speed infinite = as fast as possible.
 */
public final class ReplayPlayer {
    private ReplayPlayer() {}

    /** @return the ticks played (fewer than recorded when the viewer asked to stop) */
    public static int play(EpisodeFile file, ViewerFeed feed, double speed) throws IOException, InterruptedException {
        List<Timed<Odometry>> truth = file.messages(EpisodeFormat.GROUND_TRUTH, Odometry.class);
        List<Timed<VelocityCommand>> commands = file.messages(EpisodeFormat.COMMAND, VelocityCommand.class);
        List<Timed<LidarScan>> scans = file.messages(EpisodeFormat.SCAN, LidarScan.class);
        List<Timed<CameraFrame>> frames = file.messages(EpisodeFormat.CAMERA, CameraFrame.class);
        if (truth.isEmpty()) return 0;
        long firstLog = truth.get(0).logTime();
        long wallStart = System.nanoTime();
        int scan = 0, frame = 0;
        for (int k = 0; k < truth.size(); k++) {
            if (feed.stopRequested()) return k;
            Timed<Odometry> gt = truth.get(k);
            List<Stamped> readings = new ArrayList<>();
            // Readings of a tick come before its ground truth in the file (FORMAT.md: ordering).
            while (scan < scans.size() && scans.get(scan).logTime() <= gt.logTime()) readings.add(scans.get(scan++).value());
            while (frame < frames.size() && frames.get(frame).logTime() <= gt.logTime()) readings.add(frames.get(frame++).value());
            readings.sort((a, b) -> Long.compare(a.header().stampNanos(), b.header().stampNanos()));
            if (Double.isFinite(speed)) {
                long due = wallStart + (long) ((gt.logTime() - firstLog) / speed);
                long wait = due - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            VelocityCommand cmd = k < commands.size() ? commands.get(k).value() : null;
            feed.onTick(new TickReadings(k, gt.logTime(), readings, List.of(), gt.value().pose()), cmd);
        }
        return truth.size();
    }
}
