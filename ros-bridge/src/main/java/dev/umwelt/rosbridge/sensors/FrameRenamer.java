package dev.umwelt.rosbridge.sensors;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.rosbridge.config.BridgeConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * Frame ids between a robot's tf tree (as its mapping file names them, e.g. {@code base_scan})
 * and the bus's REP-105 names ({@code laser}). With the default names it changes nothing and
 * allocates nothing.
 */
public final class FrameRenamer {
    private final Map<String, String> toBus = new HashMap<>();
    private final Map<String, String> toRos = new HashMap<>();

    public FrameRenamer(BridgeConfig.FrameNames ros) {
        put(ros.map(), Frames.MAP);
        put(ros.odom(), Frames.ODOM);
        put(ros.base(), Frames.BASE_LINK);
        put(ros.laser(), Frames.LASER);
        put(ros.camera(), Frames.CAMERA);
    }

    private void put(String rosName, String busName) {
        if (rosName.equals(busName)) return;
        toBus.put(rosName, busName);
        toRos.put(busName, rosName);
    }

    public String toBus(String rosFrame) {
        return toBus.getOrDefault(rosFrame, rosFrame);
    }

    public String toRos(String busFrame) {
        return toRos.getOrDefault(busFrame, busFrame);
    }

    public Header toBus(Header h) {
        String f = toBus(h.frameId());
        return f.equals(h.frameId()) ? h : new Header(h.stampNanos(), f);
    }

    public Header toRos(Header h) {
        String f = toRos(h.frameId());
        return f.equals(h.frameId()) ? h : new Header(h.stampNanos(), f);
    }

    public LidarScan toBus(LidarScan s) {
        Header h = toBus(s.header());
        return h == s.header() ? s : new LidarScan(h, s.angleMin(), s.angleIncrement(), s.timeIncrement(), s.scanTime(),
                s.rangeMin(), s.rangeMax(), s.ranges(), s.intensities());
    }

    public LidarScan toRos(LidarScan s) {
        Header h = toRos(s.header());
        return h == s.header() ? s : new LidarScan(h, s.angleMin(), s.angleIncrement(), s.timeIncrement(), s.scanTime(),
                s.rangeMin(), s.rangeMax(), s.ranges(), s.intensities());
    }

    public Odometry toBus(Odometry o) {
        Header h = toBus(o.header());
        String child = toBus(o.childFrameId());
        return h == o.header() && child.equals(o.childFrameId()) ? o : new Odometry(h, child, o.pose(), o.twist());
    }

    public Odometry toRos(Odometry o) {
        Header h = toRos(o.header());
        String child = toRos(o.childFrameId());
        return h == o.header() && child.equals(o.childFrameId()) ? o : new Odometry(h, child, o.pose(), o.twist());
    }

    public CameraFrame toBus(CameraFrame f) {
        Header h = toBus(f.header());
        return h == f.header() ? f : new CameraFrame(h, f.width(), f.height(), f.rgb());
    }

    public CameraFrame toRos(CameraFrame f) {
        Header h = toRos(f.header());
        return h == f.header() ? f : new CameraFrame(h, f.width(), f.height(), f.rgb());
    }
}
