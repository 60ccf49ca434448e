package dev.umwelt.bus.ros1;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Our bytes against bytes Debian's genpy serialized from the same values (see genpy-wire.txt). */
class Ros1WireCompatibilityTest {
    private static final long T = 946_684_800L * 1_000_000_000L + 123_456_789L;

    private static Map<String, byte[]> genpy() throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        for (String line : MsgDefinitionsTest.resource("ros1/genpy-wire.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] p = line.split(" ");
            out.put(p[0], HexFormat.of().parseHex(p[1]));
        }
        return out;
    }

    @Test
    void bytesEqualGenpy() throws IOException {
        Map<String, byte[]> g = genpy();
        var scan = new LidarScan(new Header(T, "laser"), -1.5f, 1.0f, 0f, 0.1f, 0.05f, 10f,
                new float[] {1f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 2.5f}, new float[0]);
        assertArrayEquals(g.get("laserscan"), new LaserScanCodec().encode(scan));
        byte[] px = new byte[12];
        for (int i = 0; i < 12; i++) px[i] = (byte) i;
        assertArrayEquals(g.get("image"), new ImageCodec().encode(new CameraFrame(new Header(T, "camera"), 2, 2, px)));
        var odom = new Odometry(new Header(T, "odom"), "base_link", new Pose2D(1, -2, 0.5), new Twist2D(0.3, -0.2));
        assertArrayEquals(g.get("odometry"), new OdometryCodec().encode(odom));
        assertArrayEquals(g.get("twist"), new TwistCodec().encode(new Twist2D(0.5, 0.25)));
        var tf = TfMessage.robot(T, new Pose2D(0.1, 0.2, 0), T, new Pose2D(1, -2, 0.5));
        assertArrayEquals(g.get("tf"), new TfMessageCodec().encode(tf));
        assertArrayEquals(g.get("string"), new StringCodec().encode("geh zur roten Kiste \u2713"));
        assertArrayEquals(g.get("clock"), new ClockCodec().encode(T));
    }

    @Test
    void decodesGenpyBytes() throws IOException {
        Map<String, byte[]> g = genpy();
        LidarScan scan = new LaserScanCodec().decode(ByteBuffer.wrap(g.get("laserscan")));
        assertEquals(T, scan.stampNanos());
        assertEquals(1.5f, scan.angleMax());
        assertEquals(Float.NEGATIVE_INFINITY, scan.ranges()[2]);
        Odometry odom = new OdometryCodec().decode(ByteBuffer.wrap(g.get("odometry")));
        assertEquals(0.5, odom.pose().yaw(), 1e-15);
        assertEquals("base_link", odom.childFrameId());
        assertEquals("geh zur roten Kiste \u2713", new StringCodec().decode(ByteBuffer.wrap(g.get("string"))));
        assertEquals(T, new ClockCodec().decode(ByteBuffer.wrap(g.get("clock"))));
    }
}
