package dev.umwelt.episodes.export;

/** The numpy dtypes a dataset uses, little-endian as numpy writes them on every common machine. */
public enum NpyType {
    U1("|u1", 1), I2("<i2", 2), I4("<i4", 4), I8("<i8", 8), F4("<f4", 4);

    /** The {@code descr} of the .npy header. */
    public final String descr;
    public final int bytes;

    NpyType(String descr, int bytes) {
        this.descr = descr;
        this.bytes = bytes;
    }

    public static NpyType ofDescr(String descr) {
        for (NpyType t : values()) if (t.descr.equals(descr)) return t;
        throw new IllegalArgumentException("dtype '" + descr + "' is not one of this format's (|u1 <i2 <i4 <i8 <f4)");
    }

    /** numpy's name ({@code uint8}, {@code float32}, ...), as FORMAT.md and meta.json spell it. */
    public String numpyName() {
        return switch (this) {
            case U1 -> "uint8";
            case I2 -> "int16";
            case I4 -> "int32";
            case I8 -> "int64";
            case F4 -> "float32";
        };
    }
}
