package dev.umwelt.bus.appearance;

/** Object shapes. In the plane a box is a rotated rectangle; the others are discs. */
public enum Shape {
    BOX, CYLINDER, SPHERE, CONE;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isRound() {
        return this != BOX;
    }
}
