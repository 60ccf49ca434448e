package dev.umwelt.bus.appearance;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A named colour with its sRGB value (0xRRGGBB). Names are what instructions say ("the red box"). */
public record Colour(String name, int rgb) {
    public static final Map<String, Integer> PALETTE;

    static {
        Map<String, Integer> p = new LinkedHashMap<>();
        p.put("red", 0xD62828);
        p.put("green", 0x2A9D3F);
        p.put("blue", 0x1D4ED8);
        p.put("yellow", 0xF2C300);
        p.put("orange", 0xF77F00);
        p.put("purple", 0x7B2CBF);
        p.put("pink", 0xF472B6);
        p.put("cyan", 0x22B8CF);
        p.put("brown", 0x8B5A2B);
        p.put("white", 0xF5F5F5);
        p.put("grey", 0x8A8A8A);
        p.put("black", 0x202020);
        PALETTE = java.util.Collections.unmodifiableMap(p);
    }

    public static Optional<Colour> named(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace("gray", "grey");
        Integer rgb = PALETTE.get(key);
        return rgb == null ? Optional.empty() : Optional.of(new Colour(key, rgb));
    }
}
