package dev.umwelt.policy.explore;

import dev.umwelt.scenarios.world.Colour;
import dev.umwelt.scenarios.world.Shape;
import dev.umwelt.worldmodel.objects.ObjectQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instruction text to a {@link Goal}: a point ("go to 3.5, -2"), a sound ("go to the beeping"),
 * or an object by palette colour and shape word ("approach the red box near the door").
 * Anything else is {@link Goal.NotUnderstood} with the reason: the explorer never guesses.
 */
final class GoalParser {
    static final Set<String> SOUND_WORDS = Set.of("beeping", "beep", "alarm", "sound", "noise", "ringing", "ring",
            "tone", "music", "speaker", "buzzer", "buzzing", "chime", "siren", "radio", "phone");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private GoalParser() {}

    static Goal parse(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace("gray", "grey");
        List<String> words = List.of(t.split("[^a-z0-9.\\-]+"));
        Matcher m = NUMBER.matcher(t);
        List<Double> numbers = new ArrayList<>();
        while (m.find()) numbers.add(Double.parseDouble(m.group()));
        if (numbers.size() == 2) return new Goal.ReachPoint(numbers.get(0), numbers.get(1));
        String colour = null;
        Shape shape = null;
        String label = null;
        for (String w : words) {
            if (Colour.PALETTE.containsKey(w)) {
                if (colour != null && !colour.equals(w)) return new Goal.NotUnderstood("two colours: " + colour + ", " + w);
                colour = w;
            }
            Optional<Shape> s = ObjectQuery.shapeOfLabel(w);
            if (s.isPresent() && label == null) {
                shape = s.get();
                label = w;
            }
        }
        if (colour != null || shape != null) {
            if (colour == null) return new Goal.NotUnderstood("no colour named for the " + label);
            if (shape == null) return new Goal.NotUnderstood("no shape the camera knows named with " + colour);
            return new Goal.FindObject(new ObjectQuery(colour, shape, label), colour + " " + label);
        }
        for (String w : words) if (SOUND_WORDS.contains(w)) return new Goal.FindSound(w);
        return new Goal.NotUnderstood("no target in '" + text + "'");
    }
}
