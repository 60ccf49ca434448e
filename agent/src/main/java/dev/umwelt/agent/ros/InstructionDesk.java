package dev.umwelt.agent.ros;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.sensing.Instruction;

/**
 * When an instruction takes effect, deterministically. A std_msgs/String carries no stamp, and
 * where it lands between sensor messages is a race; so the brain decides an effect time
 * ({@link #LEAD_TICKS} control ticks after the first unreleased tick) and publishes that
 * decision, stamped, on the "adopted" topic at once. A stamped decision received from that topic
 * (a recorded one, played back from a bag) is authoritative: it replaces the brain's own for the
 * same text, so a replayed session adopts each instruction at the tick the live one did. The
 * lead leaves the recorded decision time to arrive before its tick is released.
 */
final class InstructionDesk {
    static final int LEAD_TICKS = 2;
    /** A String repeating a decided instruction within this many ticks is the same instruction (its echo). */
    static final int SAME_WINDOW_TICKS = 40;

    private Instruction pending;
    private Instruction adopted;
    /** The brain's own latest decision: its echo (the node may hear its own topic) changes nothing. */
    private Instruction own;

    /**
     * A plain-text instruction; returns the decision to publish (null: it repeats one already
     * pending or just adopted). {@code nextTick}: the first unreleased tick (Long.MIN_VALUE: none yet,
     * then {@code clockNanos} anchors it).
     */
    Instruction onText(String text, long nextTick, long periodNanos, long clockNanos) {
        if (pending != null && pending.text().equals(text)) return null;
        long base = nextTick != Long.MIN_VALUE ? nextTick : clockNanos;
        if (adopted != null && adopted.text().equals(text)
                && base - adopted.header().stampNanos() < SAME_WINDOW_TICKS * periodNanos) return null;
        pending = new Instruction(new Header(base + LEAD_TICKS * periodNanos, Frames.BASE_LINK), text,
                Instruction.Source.ROS, 1.0);
        own = pending;
        return pending;
    }

    /** A stamped decision (a recording's, or the brain's own echo). */
    void onDecision(Instruction decided) {
        if (own != null && own.text().equals(decided.text())
                && own.header().stampNanos() == decided.header().stampNanos()) return;
        if (adopted != null && adopted.text().equals(decided.text())
                && adopted.header().stampNanos() == decided.header().stampNanos()) return;
        pending = decided;
    }

    /** The instruction to adopt at tick {@code t}, once; null when none is due. */
    Instruction due(long t) {
        if (pending == null || pending.header().stampNanos() > t) return null;
        adopted = pending;
        pending = null;
        return adopted;
    }
}
