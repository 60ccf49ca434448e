package dev.umwelt.bus.ros1;

import dev.umwelt.bus.sensing.CameraFrame;

/**
 * CameraFrame <-> sensor_msgs/Image: encoding "rgb8", is_bigendian 0, step 3*width, rows top
 * first (as both sides store them). Decoding accepts only rgb8; rows padded beyond 3*width
 * (a larger step) are repacked.
 */
public final class ImageCodec extends AbstractCodec<CameraFrame> {
    public static final String TYPE = "sensor_msgs/Image";

    public ImageCodec() {
        super(TYPE);
    }

    @Override
    void write(CameraFrame f, Ros1Buffer out) {
        out.header(f.header().stampNanos(), f.header().frameId())
                .u32(f.height()).u32(f.width()).string(CameraFrame.ENCODING).u8(0).u32(f.step()).bytes(f.rgb());
    }

    @Override
    CameraFrame read(Ros1Reader in) {
        var header = in.header();
        long height = in.u32();
        long width = in.u32();
        int encodingAt = in.offset();
        String encoding = in.string("encoding");
        if (!encoding.equals(CameraFrame.ENCODING)) {
            throw new Ros1DecodeException(TYPE, encodingAt, "encoding '" + encoding + "' is not supported (only rgb8)");
        }
        in.u8(); // is_bigendian: irrelevant for 8-bit channels
        int stepAt = in.offset();
        long step = in.u32();
        if (step > Integer.MAX_VALUE) throw new Ros1DecodeException(TYPE, stepAt, "step " + step + " is beyond 2 GiB");
        if (step < 3 * width) throw new Ros1DecodeException(TYPE, stepAt, "step " + step + " < 3 * width " + width);
        int dataAt = in.offset();
        byte[] data = in.bytes("data");
        if (data.length != step * height) {
            throw new Ros1DecodeException(TYPE, dataAt, "data has " + data.length + " bytes, step * height = " + step * height);
        }
        if (width == 0 || height == 0) throw new Ros1DecodeException(TYPE, dataAt, "empty image " + width + "x" + height);
        if (step == 3 * width) return new CameraFrame(header, (int) width, (int) height, data);
        int row = (int) (3 * width);
        byte[] packed = new byte[row * (int) height];
        for (int v = 0; v < height; v++) System.arraycopy(data, (int) (v * step), packed, v * row, row);
        return new CameraFrame(header, (int) width, (int) height, packed);
    }
}
