package dev.umwelt.bus.ros1;

import dev.umwelt.bus.observation.Observation;

import java.util.ArrayList;
import java.util.List;

/** ObservationMask <-> umwelt_msgs/ObservationMask (four parallel arrays); {@link #encode(Observation, Ros1Buffer)} for observations. */
public final class ObservationMaskCodec extends AbstractCodec<ObservationMask> {
    public static final String TYPE = "umwelt_msgs/ObservationMask";

    public ObservationMaskCodec() {
        super(TYPE);
    }

    public void encode(Observation o, Ros1Buffer out) {
        write(ObservationMask.of(o), out);
    }

    @Override
    void write(ObservationMask m, Ros1Buffer out) {
        List<ObservationMask.Entry> es = m.entries();
        out.header(m.header().stampNanos(), m.header().frameId());
        out.u32(es.size());
        for (ObservationMask.Entry e : es) out.string(e.modality());
        out.u32(es.size());
        for (ObservationMask.Entry e : es) out.bool(e.present());
        out.u32(es.size());
        for (ObservationMask.Entry e : es) out.i64(e.ageNanos());
        out.u32(es.size());
        for (ObservationMask.Entry e : es) out.string(e.absence());
    }

    @Override
    ObservationMask read(Ros1Reader in) {
        var header = in.header();
        List<String> names = in.strings("name");
        int at = in.offset();
        boolean[] present = in.bools("present");
        long[] ages = in.longs("age_ns");
        List<String> absence = in.strings("absence");
        if (present.length != names.size() || ages.length != names.size() || absence.size() != names.size()) {
            throw new Ros1DecodeException(TYPE, at, "parallel arrays differ in length: name " + names.size()
                    + ", present " + present.length + ", age_ns " + ages.length + ", absence " + absence.size());
        }
        List<ObservationMask.Entry> entries = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) entries.add(new ObservationMask.Entry(names.get(i), present[i], ages[i], absence.get(i)));
        return new ObservationMask(header, entries);
    }
}
