package dev.umwelt.bus.ros1;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.sensing.Instruction;

import java.util.function.LongSupplier;

/**
 * Instruction <-> std_msgs/String, the form other ROS nodes publish: only the text travels.
 * A decoded instruction is stamped by the given clock (the time it was received), in
 * base_link, with source ROS and confidence 1; umwelt_msgs/Instruction keeps everything.
 */
public final class InstructionStringCodec extends AbstractCodec<Instruction> {
    private final LongSupplier receivedAt;

    public InstructionStringCodec(LongSupplier receivedAtNanos) {
        super(StringCodec.TYPE);
        this.receivedAt = receivedAtNanos;
    }

    @Override
    void write(Instruction i, Ros1Buffer out) {
        out.string(i.text());
    }

    @Override
    Instruction read(Ros1Reader in) {
        String text = in.string("data");
        return new Instruction(new Header(receivedAt.getAsLong(), Frames.BASE_LINK), text, Instruction.Source.ROS, 1.0);
    }
}
