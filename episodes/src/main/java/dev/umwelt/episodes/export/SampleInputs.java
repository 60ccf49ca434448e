package dev.umwelt.episodes.export;

import dev.umwelt.bus.observation.Observation;
import dev.umwelt.scenarios.Scenario;

import java.util.List;

/**
 * Extra arrays computed per sample by the caller from the observation the policy acted on (the
 * agent fills it with a model's inputs: {@code export --inputs}; this module knows no model nor
 * world model). With one, the export writes only the ticks it picks (the policy's query ticks)
 * and {@code instruction_embeddings.npy} (FORMAT.md, "Datasets").
 */
public interface SampleInputs {
    /** How values are stored: UNIT as uint8 round(255 v) of v clipped to [0, 1]; FLAG as uint8 0 or 1 (v > 0.5); FLOAT32 as is. */
    enum Storage { UNIT, FLAG, FLOAT32 }

    /** One array per sample; {@code rowShape}: one sample's shape. */
    record Array(String name, Storage storage, int[] rowShape, String description) {
        int elements() {
            int n = 1;
            for (int d : rowShape) n *= d;
            return n;
        }
    }

    /** The arrays, in file order; names must not clash with the export's own. */
    List<Array> arrays();

    /** The instruction's embedding, one row of {@code instruction_embeddings.npy}. */
    float[] embed(String instruction);

    /** What meta.json says of these arrays, under "inputs" (where they came from, the sampling rate). */
    java.util.Map<String, Object> meta();

    /** Starts an episode (one at a time, in file order). */
    Episode episode(Scenario scenario);

    interface Episode {
        /** Why this episode cannot give these inputs (its robot's senses differ), or null; a refused episode is skipped and reported. */
        default String refusal() {
            return null;
        }

        /**
         * Every tick of the episode in order, with the observation rebuilt as the control loop
         * built it and the instruction in force; returns the sample's values (one array per
         * {@link #arrays()} entry, which the export copies) when the tick is a sample, else null.
         */
        float[][] tick(Observation observation, String instruction);
    }
}
