package dev.umwelt.agent.episode;

import dev.umwelt.bus.observation.Observation;
import dev.umwelt.episodes.export.SampleInputs;
import dev.umwelt.policy.vla.DatasetInputs;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.WorldModelConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code export --inputs FILE}: the model inputs of each sample, from the recorded episode alone.
 * Per episode the world model is rebuilt as the control loop fed it ({@link EpisodeVerticle}: the
 * scenario's robot and start pose, default config; {@link ControlTick}: updated with every
 * tick's observation, its belief taken every {@link ControlTick#BELIEF_PERIOD_NANOS} of sim
 * time, as the bus publication takes it, since that refreshes the frontier cache), then
 * {@link DatasetInputs} builds the inputs at the policy's query ticks.
 */
public final class InputsExport implements SampleInputs {
    private final DatasetInputs inputs;
    private final List<Array> arrays;

    public InputsExport(DatasetInputs inputs) {
        this.inputs = inputs;
        this.arrays = inputs.columns().stream().map(c -> new Array(c.name(), Storage.valueOf(c.storage().name()), c.shape(), c.description())).toList();
    }

    @Override
    public List<Array> arrays() {
        return arrays;
    }

    @Override
    public float[] embed(String instruction) {
        return inputs.embed(instruction);
    }

    @Override
    public Map<String, Object> meta() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", inputs.file().toString());
        m.put("query_rate_hz", inputs.queryRateHz());
        m.put("embeddings", "instruction_embeddings.npy: float32 [instructions, 384], row i = instructions[i]");
        return m;
    }

    @Override
    public Episode episode(Scenario scenario) {
        String refused = inputs.mismatch(scenario.robot());
        if (refused != null) return new Episode() {
            @Override
            public String refusal() {
                return refused;
            }

            @Override
            public float[][] tick(Observation observation, String instruction) {
                throw new IllegalStateException("refused: " + refused);
            }
        };
        WorldModel world = new WorldModel(scenario.robot(), scenario.start(), WorldModelConfig.DEFAULTS);
        DatasetInputs.Episode builder = inputs.episode();
        long[] nextBelief = {Long.MIN_VALUE};
        return (Observation obs, String instruction) -> {
            long t = obs.stampNanos();
            world.update(obs);
            if (t >= nextBelief[0]) {
                world.belief(t);
                nextBelief[0] = t + ControlTick.BELIEF_PERIOD_NANOS;
            }
            return builder.tick(obs, instruction, world);
        };
    }
}
