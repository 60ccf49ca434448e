package dev.umwelt.policy.vla;

import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.policy.Policy;
import dev.umwelt.worldmodel.WorldModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link VlaPolicy} that keeps copies of the input tensors of its first {@code max} queries, so
 * that a benchmark times the model on what a robot really feeds it rather than on zeros. After
 * each query the policy made, the same inputs are built again by the same code ({@link
 * ModelInputs}) from the same observation, instruction embedding and belief: the host's world
 * model, which the agent updates before {@code act} and the policy only reads. It drives exactly
 * as the policy it wraps (the policy's own state is untouched), and also times each rebuild: the
 * input-building share of a query.
 */
public final class QuerySampler implements Policy {
    private final VlaPolicy policy;
    private final int max;
    private final List<Map<String, float[]>> samples = new ArrayList<>();
    private final List<Long> buildNanos = new ArrayList<>();
    private ModelInputs inputs;
    private WorldModel world;

    public QuerySampler(VlaPolicy policy, int max) {
        if (max < 1) throw new IllegalArgumentException("max must be at least 1: " + max);
        this.policy = policy;
        this.max = max;
    }

    /** The kept inputs, one map per query (graph input name, presence flags included, to its values without the batch axis). */
    public List<Map<String, float[]>> samples() {
        return List.copyOf(samples);
    }

    /** Wall time of each input build, in nanoseconds, one per kept sample. */
    public long[] buildNanos() {
        return buildNanos.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public String name() {
        return policy.name();
    }

    @Override
    public Set<Modality> requiredModalities() {
        return policy.requiredModalities();
    }

    @Override
    public Set<Modality> sensedModalities() {
        return policy.sensedModalities();
    }

    @Override
    public Optional<String> note() {
        return policy.note();
    }

    @Override
    public void reset(EpisodeContext context) {
        policy.reset(context);
        // Without the host's belief the policy keeps a private one the sampler cannot see.
        world = context.worldModel().orElseThrow(() -> new IllegalStateException(
                "the query sampler needs the host's world model (the agent's episodes have one)"));
        inputs = new ModelInputs(policy.model().manifest());
    }

    @Override
    public ActionChunk act(Observation observation, Instruction instruction) {
        long before = policy.queries();
        ActionChunk chunk = policy.act(observation, instruction);
        inputs.observe(observation, world); // as the policy's own builder, every tick
        if (policy.queries() > before && samples.size() < max) keep(observation, instruction);
        return chunk;
    }

    private void keep(Observation observation, Instruction instruction) {
        VlaModel model = policy.model();
        // The encoder's and the grounding's caches return what the policy was fed.
        ModelInputs.Instructed instructed = inputs.instructed(instruction.text(), model.encoder());
        long begin = System.nanoTime();
        Map<String, float[]> fed = inputs.build(observation, instructed, world, world.pose());
        buildNanos.add(System.nanoTime() - begin);
        Map<String, float[]> copy = new HashMap<>();
        fed.forEach((k, v) -> copy.put(k, v.clone())); // the builder reuses its arrays
        samples.add(copy);
    }
}
