package dev.umwelt.worldmodel.objects;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.robot.RobotResolver;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.worldmodel.sound.SoundSourceMap;

import java.util.List;

/**
 * Cost per camera frame (object memory update), per audio chunk (sound map update) and per
 * query, on synthetic inputs: a 128x96 frame of a grey room with a red box 2 m ahead and the
 * matching 360-beam scan; 0.1 s stereo chunks of a 500 Hz tone (see {@link #soundCost}).
 */
public final class ObjectMemoryBenchmark {
    public static void main(String[] args) {
        RobotDescription robot = RobotResolver.catalogRobot("turtle");
        int w = robot.camera().width(), h = robot.camera().height();
        byte[] rgb = new byte[3 * w * h];
        for (int v = 0; v < h; v++)
            for (int u = 0; u < w; u++) {
                int i = 3 * (v * w + u);
                boolean box = u > 56 && u < 72 && v > 40 && v < 62;
                int c = box ? 0xD62828 : (v > 45 ? 0x7A7F86 : 0xC8C3BA);
                rgb[i] = (byte) (c >> 16); rgb[i + 1] = (byte) (c >> 8); rgb[i + 2] = (byte) c;
            }
        float[] ranges = new float[360];
        for (int i = 0; i < 360; i++) {
            double a = Math.toRadians(-180 + i);
            ranges[i] = Math.abs(a) < Math.toRadians(7) ? 2.0f : 4.0f;
        }
        LidarScan scan = new LidarScan(new Header(1_000_000_000L, "laser"), (float) -Math.PI, (float) Math.toRadians(1),
                0, 0.05f, 0.12f, 12f, ranges, null);
        ObjectMemory memory = new ObjectMemory(robot);
        int frames = 20000;
        long t0 = System.nanoTime();
        for (int k = 0; k < frames; k++) {
            if (k == frames / 2) t0 = System.nanoTime();
            long stamp = 1_000_000_000L;
            memory.observe(new CameraFrame(new Header(stamp, "camera"), w, h, rgb), scan, new Pose2D(0, 0, 0));
        }
        double perFrame = (System.nanoTime() - t0) / (frames / 2.0) / 1e3;
        ObjectQuery q = new ObjectQuery("red", null, "box");
        int queries = 2_000_000;
        long found = 0;
        t0 = System.nanoTime();
        for (int k = 0; k < queries; k++) found += memory.nearest(q, k % 5, 0).isPresent() ? 1 : 0;
        double perQuery = (System.nanoTime() - t0) / (double) queries;

        System.out.printf("object memory update: %.1f us per 128x96 frame (%d objects)%n", perFrame, memory.objects().size());
        System.out.printf("nearest query: %.0f ns (%d found)%n", perQuery, found);
        soundCost(robot, true);
        soundCost(robot, false);
    }

    /**
     * observe + strongest per 0.1 s chunk, timed over the second half of 3000 chunks (300 rays in
     * the 30 s window). Static: a source fixed at (3, 2) in map while the robot circles at
     * 0.15 m/s, so the cached fit is tracked and a full search runs every 10 rays. Drifting: a
     * tone at a fixed 40 deg to the left while the robot turns, no static source fits, the worst
     * case for the cache.
     */
    public static void soundCost(RobotDescription robot, boolean staticSource) {
        SoundSourceMap sounds = new SoundSourceMap(robot);
        var mics = robot.microphones();
        double spacing = Math.hypot(mics.get(0).x() - mics.get(1).x(), mics.get(0).y() - mics.get(1).y());
        int chunks = 3000;
        var gcc = new dev.umwelt.sensors.audio.GccPhatBearing(16000, spacing);
        long t1 = 0, tg = 0;
        for (int k = 0; k < chunks; k++) {
            Pose2D pose = staticSource
                    ? new Pose2D(1.5 * Math.cos(0.01 * k), 1.5 * Math.sin(0.01 * k), 0.01 * k + Math.PI / 2 + 0.3 * Math.sin(0.05 * k))
                    : new Pose2D(0.01 * k, 0, 0.01 * k);
            double rel = staticSource ? Math.atan2(2 - pose.y(), 3 - pose.x()) - pose.yaw() : Math.toRadians(40);
            double lag = spacing * Math.sin(rel) / 343.0;
            short[] pcm = new short[3200];
            for (int i = 0; i < 1600; i++) {
                double t = (k * 1600 + i) / 16000.0;
                pcm[2 * i] = (short) chord(t);
                pcm[2 * i + 1] = (short) chord(t - lag);
            }
            AudioChunk c = new AudioChunk(new Header(1_000_000_000L + k * 100_000_000L, "base_link"), 16000,
                    List.of(mics.get(0).frame(), mics.get(1).frame()), pcm);
            long s = System.nanoTime();
            sounds.observe(c, pose);
            sounds.strongest(); // the solve runs lazily on the first query after new rays
            long g = System.nanoTime();
            gcc.estimate(c, mics.get(0).frame(), mics.get(1).frame()); // the bearing alone, for the solve's share
            if (k >= chunks / 2) { t1 += g - s; tg += System.nanoTime() - g; }
        }
        var src = sounds.strongest();
        System.out.printf("sound map observe + strongest (%s): %.1f us per 0.1 s chunk, GCC-PHAT alone %.1f us (%d rays in window)%s%n",
                staticSource ? "static source at (3, 2)" : "drifting bearing", t1 / (chunks / 2.0) / 1e3, tg / (chunks / 2.0) / 1e3, sounds.rayCount(),
                src.map(x -> String.format(", source (%.2f, %.2f) +- %.2f m", x.x(), x.y(), x.uncertainty())).orElse(", no source"));
    }

    /** A broadband test signal: 24 tones from 300 Hz to 3 kHz with fixed phases (a pure tone would give GCC-PHAT one bin). */
    public static double chord(double t) {
        double v = 0;
        for (int j = 0; j < 24; j++) v += 250 * Math.sin(2 * Math.PI * (300 + 117.3 * j) * t + 1.7 * j * j);
        return v;
    }
}
