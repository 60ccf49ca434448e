package dev.umwelt.sensors.fault;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A robot driving slowly through a room, as streams: lidar 20 Hz (360 beams, 1 cm noise),
 * camera 10 Hz (64x48 gradient that shifts as it moves), odometry 50 Hz, microphones (2
 * channels, 16 kHz, 0.1 s chunks stamped at their first sample: a 1 kHz tone and white noise),
 * delivered in batches every 50 ms control tick like the lockstep simulator does. Optionally an
 * open hall: most beams +Inf, a few -Inf, a short finite stretch. {@link #halt} stops it (a
 * watchdog): a still robot sees the same frames, its odometry stops changing.
 */
final class SyntheticRobot {
    static final long MS = 1_000_000L;
    static final long EPOCH = 1_000_000_000L;
    static final long CONTROL = 50 * MS, LIDAR = 50 * MS, CAMERA = 100 * MS, ODOM = 20 * MS, AUDIO = 100 * MS;
    static final int BEAMS = 360, W = 64, H = 48, RATE = 16_000, CHUNK = 1600;
    static final double SPEED = 0.3;

    private final Random noise = new Random(7);
    private final boolean openHall;
    private boolean halted;
    private double x;

    SyntheticRobot(boolean openHall) {
        this.openHall = openHall;
    }

    static List<SensorExpectation> expectations() {
        return List.of(SensorExpectation.lidar(20, CONTROL, BEAMS, 0.01), SensorExpectation.camera(10, CONTROL, W, H),
                SensorExpectation.odometry(50, CONTROL), SensorExpectation.audio(0.1, RATE, 2, CONTROL));
    }

    /** From the next tick on, the robot stands still ({@code true}) or drives on. */
    void halt(boolean still) {
        halted = still;
    }

    /** The readings stamped in (t - CONTROL, t], t = EPOCH + tick * CONTROL, in stamp order (chunks complete by t). */
    List<Stamped> tick(long tick) {
        long t = EPOCH + tick * CONTROL;
        List<Stamped> out = new ArrayList<>();
        for (long s = t - CONTROL + MS; s <= t; s += MS) {
            if (s > EPOCH && !halted) x += SPEED * MS / 1e9;
            long since = s - EPOCH;
            if (since < 0) continue;
            if (since % ODOM == 0) out.add(odometry(s));
            if (since % LIDAR == 0) out.add(scan(s));
            if (since % CAMERA == 0) out.add(frame(s));
            if (since > 0 && since % AUDIO == 0) out.add(chunk(s - AUDIO));
        }
        out.sort(Comparator.comparingLong(Stamped::stampNanos));
        return out;
    }

    private Odometry odometry(long stamp) {
        return Odometry.of(stamp, new Pose2D(x, 0, 0), new Twist2D(halted ? 0 : SPEED, 0));
    }

    private LidarScan scan(long stamp) {
        float[] r = new float[BEAMS];
        for (int i = 0; i < BEAMS; i++) {
            double a = Math.toRadians(i);
            if (openHall) {
                r[i] = i < 30 ? (float) (8 - x + 0.01 * noise.nextGaussian()) : i % 50 == 0 ? Float.NEGATIVE_INFINITY
                        : Float.POSITIVE_INFINITY;
            } else {
                r[i] = (float) (3 + 0.5 * Math.sin(a) - 0.2 * x + 0.01 * noise.nextGaussian());
            }
        }
        return new LidarScan(new Header(stamp, Frames.BASE_LINK), 0, (float) Math.toRadians(1), 0, 0.05f, 0.1f, 12f, r, null);
    }

    private CameraFrame frame(long stamp) {
        byte[] rgb = new byte[3 * W * H];
        int shift = (int) Math.round(x * 20);
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

    /** A 1 kHz tone of amplitude 100 levels plus white noise of 7 levels RMS (the kitchen's 70 dB alarm at 1 m over 50 dB). */
    private AudioChunk chunk(long stamp) {
        short[] pcm = new short[2 * CHUNK];
        long first = (stamp - EPOCH) * RATE / 1_000_000_000L;
        for (int n = 0; n < CHUNK; n++) {
            double tone = 100 * Math.sin(2 * Math.PI * 1000 * (first + n) / RATE);
            pcm[2 * n] = (short) Math.round(tone + 7 * noise.nextGaussian());
            pcm[2 * n + 1] = (short) Math.round(tone + 7 * noise.nextGaussian());
        }
        return new AudioChunk(new Header(stamp, Frames.BASE_LINK), RATE, List.of("mic_left", "mic_right"), pcm);
    }
}
