package dev.umwelt.sensors.fault;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A robot driving slowly through a room, as streams: lidar 20 Hz (360 beams, 1 cm noise),
 * camera 10 Hz (64x48 gradient that shifts as it moves), odometry 50 Hz, delivered in
 * batches every 50 ms control tick like the lockstep simulator does. Optionally an open hall:
 * most beams +Inf, a few -Inf, a short finite stretch.
 */
final class SyntheticRobot {
    static final long MS = 1_000_000L;
    static final long EPOCH = 1_000_000_000L;
    static final long CONTROL = 50 * MS, LIDAR = 50 * MS, CAMERA = 100 * MS, ODOM = 20 * MS;
    static final int BEAMS = 360, W = 64, H = 48;

    private final Random noise = new Random(7);
    private final boolean openHall;

    SyntheticRobot(boolean openHall) {
        this.openHall = openHall;
    }

    static List<SensorExpectation> expectations() {
        return List.of(SensorExpectation.lidar(20, CONTROL, BEAMS, 0.01), SensorExpectation.camera(10, CONTROL, W, H),
                SensorExpectation.odometry(50, CONTROL));
    }

    /** The readings stamped in (t - CONTROL, t], t = EPOCH + tick * CONTROL, in stamp order. */
    List<Stamped> tick(long tick) {
        long t = EPOCH + tick * CONTROL;
        List<Stamped> out = new ArrayList<>();
        for (long s = t - CONTROL + MS; s <= t; s += MS) {
            long since = s - EPOCH;
            if (since % ODOM == 0) out.add(odometry(s));
            if (since % LIDAR == 0) out.add(scan(s));
            if (since % CAMERA == 0) out.add(frame(s));
        }
        out.sort(Comparator.comparingLong(Stamped::stampNanos));
        return out;
    }

    private static double x(long stamp) {
        return 0.3 * (stamp - EPOCH) / 1e9;
    }

    private Odometry odometry(long stamp) {
        return Odometry.of(stamp, new Pose2D(x(stamp), 0, 0), new Twist2D(0.3, 0));
    }

    private LidarScan scan(long stamp) {
        float[] r = new float[BEAMS];
        for (int i = 0; i < BEAMS; i++) {
            double a = Math.toRadians(i);
            if (openHall) {
                r[i] = i < 30 ? (float) (8 - x(stamp) + 0.01 * noise.nextGaussian()) : i % 50 == 0 ? Float.NEGATIVE_INFINITY
                        : Float.POSITIVE_INFINITY;
            } else {
                r[i] = (float) (3 + 0.5 * Math.sin(a) - 0.2 * x(stamp) + 0.01 * noise.nextGaussian());
            }
        }
        return new LidarScan(new Header(stamp, Frames.BASE_LINK), 0, (float) Math.toRadians(1), 0, 0.05f, 0.1f, 12f, r, null);
    }

    private CameraFrame frame(long stamp) {
        byte[] rgb = new byte[3 * W * H];
        int shift = (int) Math.round(x(stamp) * 20);
        for (int v = 0; v < H; v++) {
            for (int u = 0; u < W; u++) {
                int i = 3 * (v * W + u);
                rgb[i] = (byte) (60 + 2 * ((u + shift) % 64));
                rgb[i + 1] = (byte) (80 + v + u);
                rgb[i + 2] = (byte) (100 + v);
            }
        }
        return new CameraFrame(new Header(stamp, "camera"), W, H, rgb);
    }
}
