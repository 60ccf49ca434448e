package dev.umwelt.policy.instruction;

import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.bus.appearance.Shape;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the parser knows. Everything here comes from what the generator and the catalog say
 * (Split's templates, Furnisher's furniture, LayoutGenerator's room names, catalog labels);
 * InstructionParserTest checks the generated instructions of every split and task parse with no
 * unknown word, so a new template or label that is missing here fails a test.
 */
final class Vocabulary {
    private Vocabulary() {}

    /** Words with no meaning for the target: verbs, articles, fillers, coordinate labels. */
    static final Set<String> STOP = Set.of("go", "to", "the", "a", "an", "find", "drive", "up", "approach", "navigate", "head",
            "over", "towards", "toward", "look", "for", "your", "way", "make", "reach", "location", "point", "position",
            "coordinates", "coordinate", "and", "please", "of", "source", "that", "is", "move", "get", "walk", "travel",
            "search", "locate", "at", "x", "y", "me", "then", "there", "which", "one", "object", "thing", "now", "robot",
            "you", "it", "this", "on", "into", "straight", "where", "come", "back", "seek", "out", "try", "can't", "comes",
            "coming", "from", "sounds", "sounding", "making", "going", "off");

    /** Prepositions that start a landmark qualifier ("near the door"); "next to", "close to" are two words. */
    static final Set<String> NEAR = Set.of("near", "by", "beside", "next", "close", "nearby");

    /** Colour words to palette names. */
    static final Map<String, String> COLOURS = colours();

    /** Shape words: the one vocabulary scenario files use too ({@link Shape#WORDS}). */
    static final Map<String, Shape> SHAPES = Shape.WORDS;

    /** Furniture and other object labels of the generator and catalog, with the footprint shape they have there. */
    static final Map<String, Shape> LABELS = Map.ofEntries(
            Map.entry("table", Shape.BOX), Map.entry("coffee table", Shape.BOX), Map.entry("shelf", Shape.BOX),
            Map.entry("bookshelf", Shape.BOX), Map.entry("cabinet", Shape.BOX), Map.entry("filing cabinet", Shape.BOX),
            Map.entry("cupboard", Shape.BOX), Map.entry("sofa", Shape.BOX), Map.entry("couch", Shape.BOX),
            Map.entry("desk", Shape.BOX), Map.entry("bed", Shape.BOX), Map.entry("bathtub", Shape.BOX),
            Map.entry("nightstand", Shape.BOX), Map.entry("chest", Shape.BOX), Map.entry("fridge", Shape.BOX),
            Map.entry("bench", Shape.BOX), Map.entry("pallet", Shape.BOX), Map.entry("toilet", Shape.BOX),
            Map.entry("chair", Shape.BOX), Map.entry("stool", Shape.CYLINDER), Map.entry("plant pot", Shape.CYLINDER),
            Map.entry("plant", Shape.CYLINDER), Map.entry("bin", Shape.CYLINDER), Map.entry("basket", Shape.CYLINDER),
            Map.entry("vase", Shape.CYLINDER), Map.entry("lamp", Shape.CYLINDER), Map.entry("pillar", Shape.CYLINDER),
            Map.entry("post", Shape.CYLINDER), Map.entry("traffic cone", Shape.CONE));

    /** The label a shape word stands for: what the generator calls a primitive ("cube" is a "box", "sphere" a "ball"). */
    static String shapeLabel(Shape s) {
        return s == Shape.SPHERE ? "ball" : s.key();
    }

    /** Landmarks a qualifier may name besides object labels. */
    static final Set<String> LANDMARKS = Set.of("door", "doorway", "window", "wall", "corner", "entrance", "exit", "stairs");

    /** Adjectives of sound. */
    static final Set<String> SOUND_ADJECTIVES = Set.of("beeping", "ringing", "buzzing", "humming", "chiming", "whistling",
            "bleeping", "loud", "noisy");
    /** Sounding devices: an instruction naming one is a sound target. */
    static final Set<String> SOUND_DEVICES = Set.of("alarm", "phone", "telephone", "siren", "buzzer", "bell", "clock",
            "alarm clock", "speaker", "beeper", "timer", "smoke alarm");
    /** Generic sound nouns. */
    static final Set<String> SOUND_NOUNS = Set.of("sound", "noise", "beep", "beeps", "ring", "tone", "hum", "signal");

    /** Room names of the generator's layouts and the catalog ("in the kitchen"). */
    static final Set<String> ROOMS = Set.of("kitchen", "living room", "bedroom", "bathroom", "hall", "storage", "dining room",
            "study", "guest room", "laundry", "office", "meeting room", "reception", "print room", "lab", "lounge",
            "server room", "archive", "corridor", "studio", "warehouse", "spine", "east room", "west room", "east corridor",
            "north corridor", "upper corridor", "hallway", "garage", "pantry", "cellar", "attic", "room");
    /** Last words that make an unlisted phrase a room name anyway ("the south corridor", "room c"). */
    static final Set<String> ROOM_HEADS = Set.of("room", "corridor", "hall", "hallway", "office");

    /** Longest phrase, in words, of any entry above. */
    static final int MAX_PHRASE = 2;

    private static Map<String, String> colours() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : Colour.PALETTE.keySet()) m.put(name, name);
        m.put("gray", "grey");
        return Map.copyOf(m);
    }

    /** Every multi-word phrase, for longest-first matching. */
    static final Set<String> PHRASES = phrases();

    private static Set<String> phrases() {
        Map<String, Boolean> m = new HashMap<>();
        for (var s : List.of(LABELS.keySet(), SOUND_DEVICES, ROOMS)) for (String w : s) if (w.contains(" ")) m.put(w, true);
        return Set.copyOf(m.keySet());
    }
}
