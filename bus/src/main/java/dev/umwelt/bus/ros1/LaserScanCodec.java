package dev.umwelt.bus.ros1;

import dev.umwelt.bus.sensing.LidarScan;

/**
 * LidarScan <-> sensor_msgs/LaserScan. Ranges and intensities travel as raw float bits, so
 * REP-117's +Inf, -Inf and NaN (and NaN payloads) survive bit for bit. angle_max is written
 * from the record (the canonical NaN when the angles are NaN); on decode it is not stored (the
 * record derives it from angle_min, angle_increment and the beam count).
 */
public final class LaserScanCodec extends AbstractCodec<LidarScan> {
    public static final String TYPE = "sensor_msgs/LaserScan";

    public LaserScanCodec() {
        super(TYPE);
    }

    @Override
    void write(LidarScan s, Ros1Buffer out) {
        out.header(s.header().stampNanos(), s.header().frameId())
                .f32(s.angleMin()).f32(s.angleMax()).f32(s.angleIncrement())
                .f32(s.timeIncrement()).f32(s.scanTime()).f32(s.rangeMin()).f32(s.rangeMax())
                .floats(s.ranges()).floats(s.intensities());
    }

    @Override
    LidarScan read(Ros1Reader in) {
        var header = in.header();
        float angleMin = in.f32();
        in.f32(); // angle_max: derived by the record
        float angleIncrement = in.f32();
        float timeIncrement = in.f32();
        float scanTime = in.f32();
        float rangeMin = in.f32();
        float rangeMax = in.f32();
        float[] ranges = in.floats("ranges");
        int at = in.offset();
        float[] intensities = in.floats("intensities");
        if (intensities.length != 0 && intensities.length != ranges.length) {
            throw new Ros1DecodeException(TYPE, at, intensities.length + " intensities for " + ranges.length
                    + " ranges (must be none or one per beam)");
        }
        return new LidarScan(header, angleMin, angleIncrement, timeIncrement, scanTime, rangeMin, rangeMax,
                ranges, intensities);
    }
}
