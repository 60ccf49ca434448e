package dev.umwelt.bus.appearance;

/** Object shapes. In the plane a box is a rotated rectangle; the others are discs. */
public enum Shape {
    BOX, CYLINDER, SPHERE, CONE;

    /**
     * The words for each shape, one vocabulary for scenario files ({@code shape: ball}) and
     * instructions ("go to the red ball"): each shape's name and its everyday synonyms.
     */
    public static final java.util.Map<String, Shape> WORDS = java.util.Map.ofEntries(
            java.util.Map.entry("box", BOX), java.util.Map.entry("cube", BOX), java.util.Map.entry("crate", BOX),
            java.util.Map.entry("ball", SPHERE), java.util.Map.entry("sphere", SPHERE),
            java.util.Map.entry("cylinder", CYLINDER), java.util.Map.entry("can", CYLINDER), java.util.Map.entry("barrel", CYLINDER),
            java.util.Map.entry("drum", CYLINDER), java.util.Map.entry("cone", CONE));

    /** The shape {@code word} names (any case), if it is one of {@link #WORDS}. */
    public static java.util.Optional<Shape> ofWord(String word) {
        return java.util.Optional.ofNullable(WORDS.get(word.trim().toLowerCase(java.util.Locale.ROOT)));
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isRound() {
        return this != BOX;
    }
}
