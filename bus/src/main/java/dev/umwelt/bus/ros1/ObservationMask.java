package dev.umwelt.bus.ros1;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.observation.Sense;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The presence part of an {@link Observation} (umwelt_msgs/ObservationMask): per modality,
 * present or not, age, and why absent. The readings themselves are logged on their own topics.
 * Names and reasons are kept as strings so that logs with modalities added later still decode.
 */
public record ObservationMask(Header header, List<Entry> entries) {
    public record Entry(String modality, boolean present, long ageNanos, String absence) {
        public Entry {
            Objects.requireNonNull(modality, "modality");
            Objects.requireNonNull(absence, "absence");
        }
    }

    public ObservationMask {
        Objects.requireNonNull(header, "header");
        entries = List.copyOf(entries);
    }

    /** The mask of an observation, stamped at its stamp in base_link, in Modality order. */
    public static ObservationMask of(Observation o) {
        List<Entry> entries = new ArrayList<>(Modality.values().length);
        for (Modality m : Modality.values()) {
            Sense<?> s = o.sense(m);
            entries.add(new Entry(m.key(), s.present(), s.ageNanos(), s.absence().name()));
        }
        return new ObservationMask(new Header(o.stampNanos(), Frames.BASE_LINK), entries);
    }
}
