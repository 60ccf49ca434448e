package dev.umwelt.bus.observation;

/**
 * The senses of a robot. Logs store the lower-case {@link #key()}, so constants may be added
 * but never renamed.
 */
public enum Modality {
    CAMERA("camera"),
    LIDAR("lidar"),
    AUDIO("audio"),
    ODOMETRY("odometry"),
    INSTRUCTION("instruction");

    private final String key;

    Modality(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Modality fromKey(String key) {
        for (Modality m : values()) if (m.key.equals(key)) return m;
        throw new IllegalArgumentException("unknown modality '" + key + "' (known: camera, lidar, audio, odometry, instruction)");
    }
}
