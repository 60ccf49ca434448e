package dev.umwelt.bus.ros1;

import dev.umwelt.bus.sensing.Instruction;

/** Instruction <-> umwelt_msgs/Instruction. Lossy only in confidence, which travels as float32. */
public final class InstructionCodec extends AbstractCodec<Instruction> {
    public static final String TYPE = "umwelt_msgs/Instruction";

    public InstructionCodec() {
        super(TYPE);
    }

    @Override
    void write(Instruction i, Ros1Buffer out) {
        out.header(i.header().stampNanos(), i.header().frameId())
                .string(i.text()).string(i.source().name()).f32((float) i.confidence());
    }

    @Override
    Instruction read(Ros1Reader in) {
        var header = in.header();
        String text = in.string("text");
        int at = in.offset();
        String source = in.string("source");
        Instruction.Source s;
        try {
            s = Instruction.Source.valueOf(source);
        } catch (IllegalArgumentException e) {
            throw new Ros1DecodeException(TYPE, at, "unknown instruction source '" + source + "'");
        }
        return new Instruction(header, text, s, in.f32());
    }
}
