package dev.umwelt.scenarios.metrics;

import dev.umwelt.bus.Pose2D;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TrajectoryRecorderTest {
    static TrajectoryRecorder run(double nudge) {
        TrajectoryRecorder t = new TrajectoryRecorder();
        for (int i = 0; i < 100; i++) {
            double x = 0.01 * i;
            if (i == 57) x = x + nudge;
            t.record(new Pose2D(x, Math.sin(x), 0.1 * i));
        }
        return t;
    }

    @Test
    void hashIsStableAndSensitiveToOneUlp() {
        String h = run(0).hash();
        assertEquals(16, h.length());
        assertEquals(h, h.toLowerCase(java.util.Locale.ROOT));
        assertEquals(h, run(0).hash());
        assertNotEquals(h, run(Math.ulp(0.57)).hash());
    }

    @Test
    void hashIsSha256OfBigEndianBits() throws Exception {
        TrajectoryRecorder t = new TrajectoryRecorder();
        t.record(new Pose2D(1.5, -2.25, 0.5));
        ByteBuffer b = ByteBuffer.allocate(24).putDouble(1.5).putDouble(-2.25).putDouble(0.5);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array())).substring(0, 16);
        assertEquals(expected, t.hash());
        t.record(new Pose2D(4.5, 1.75, 0));
        assertEquals(5.0, t.pathLength(), 1e-12); // 3-4-5
        assertEquals(2, t.poses().size());
    }
}
