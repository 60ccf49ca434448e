package dev.umwelt.policy.explore;

import dev.umwelt.policy.instruction.InstructionParser;
import dev.umwelt.policy.instruction.ObjectTarget;
import dev.umwelt.policy.instruction.ParsedInstruction;
import dev.umwelt.policy.instruction.PointTarget;
import dev.umwelt.policy.instruction.SoundTarget;
import dev.umwelt.policy.instruction.Target;
import dev.umwelt.worldmodel.objects.ObjectQuery;

/**
 * Instruction text to a {@link Goal} through the shared {@link InstructionParser}. Problems
 * (contradictions, no target) and words outside the vocabulary make {@link Goal.NotUnderstood}
 * with the reason: an unknown word may change what is meant ("the red box left of the table"),
 * so the explorer says so and STOPs rather than guess.
 */
final class GoalParser {
    private static final InstructionParser PARSER = new InstructionParser();

    private GoalParser() {}

    static Goal parse(String text) {
        ParsedInstruction p = PARSER.parse(text);
        java.util.List<String> why = new java.util.ArrayList<>(p.problems());
        if (!p.unknownWords().isEmpty()) why.add("unknown words: " + String.join(", ", p.unknownWords()));
        if (!why.isEmpty()) return new Goal.NotUnderstood(String.join("; ", why));
        if (p.target().isEmpty()) return new Goal.NotUnderstood("no target in '" + text + "'");
        Target t = p.target().get();
        if (t instanceof ObjectTarget o) {
            ObjectQuery q = new ObjectQuery(o.colour(), o.shape(), o.label());
            if (o.colour() == null && q.requiredShape() == null) {
                return new Goal.NotUnderstood("the camera cannot tell a '" + o.describe() + "' by colour or shape");
            }
            return new Goal.FindObject(q, o.describe());
        }
        if (t instanceof SoundTarget s) return new Goal.FindSound(s.soundWord());
        PointTarget pt = (PointTarget) t;
        return new Goal.ReachPoint(pt.x(), pt.y());
    }
}
