package dev.umwelt.bus;

/** REP-105 frame names; logs and the ROS bridge bake them in. */
public final class Frames {
    public static final String MAP = "map";
    public static final String ODOM = "odom";
    public static final String BASE_LINK = "base_link";
    public static final String LASER = "laser";
    public static final String CAMERA = "camera";
    public static final String MIC_LEFT = "mic_left";
    public static final String MIC_RIGHT = "mic_right";

    private Frames() {}
}
