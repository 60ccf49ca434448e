package dev.umwelt.agent.episode;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.agent.privileged.PrivilegedPolicy;
import dev.umwelt.policy.Policy;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.WorldModelConfig;

import java.util.function.Consumer;

/**
 * The teacher of a DAgger episode ({@code --teacher}): a second policy that sees each observation the
 * driving policy acts on and says what it would do at that tick. Its proposal goes to the episode's
 * observers (the recording's {@code /umwelt/teacher/action}), never to the base.
 *
 * <p>It keeps a world model of its own, fed with the same observations: the episode's model caches
 * answers by when they were asked (frontiers are searched from the pose of the query and kept until
 * the robot moves 0.5 m), so a teacher asking the shared one would change what the driving policy
 * gets and so its trajectory. A privileged teacher sees the true pose (the driver only if it is
 * privileged itself). A teacher that throws, at reset or later, stops teaching with one POLICY_NOTE
 * (source {@code teacher}); the episode goes on as without it.
 */
final class EpisodeTeacher {
    static final String SOURCE = "teacher";

    private final Policy policy;
    private final WorldModel world;
    private final Consumer<ActionChunk> proposals;
    private final long timeStepNanos;
    /** Why it stopped teaching, until the note is logged (the reset comes before any event can be). */
    private String failure;
    private boolean failed;

    private EpisodeTeacher(Policy policy, WorldModel world, Consumer<ActionChunk> proposals, long timeStepNanos) {
        this.policy = policy;
        this.world = world;
        this.proposals = proposals;
        this.timeStepNanos = timeStepNanos;
    }

    String name() {
        return policy.name();
    }

    /** Resets {@code teacher} for the episode (same robot, instruction and seed as the driver's reset). */
    static EpisodeTeacher start(Policy teacher, Scenario scenario, Instruction instruction, long seed,
                                Consumer<ActionChunk> proposals) {
        WorldModel world = new WorldModel(scenario.robot(), scenario.start(), WorldModelConfig.DEFAULTS);
        EpisodeTeacher t = new EpisodeTeacher(teacher, world, proposals, scenario.robot().controlPeriodNanos());
        try {
            PrivilegedPolicy.reset(teacher, new EpisodeContext(scenario.robot(), instruction, seed, world), scenario);
        } catch (RuntimeException e) {
            t.fail("reset", e);
        }
        return t;
    }

    /**
     * The teacher's proposal for the tick of {@code driven} (the driving policy's observation), with the
     * true pose {@code groundTruth} for a privileged teacher; a failure goes to {@code events} once.
     */
    void propose(Observation driven, Pose2D groundTruth, Instruction instruction, Consumer<EpisodeEvent> events) {
        if (!failed) {
            try {
                Observation seen = new Observation(driven.stampNanos(), driven.senses(), policy.privileged() ? groundTruth : null);
                world.update(seen);
                ActionChunk chunk = policy.act(seen, instruction);
                long now = driven.stampNanos();
                proposals.accept(chunk.stop() ? ActionChunk.stop(now, timeStepNanos)
                        : ActionChunk.move(now, timeStepNanos, chunk.actionAt(now)));
            } catch (RuntimeException e) {
                fail("tick at " + driven.stampNanos() + " ns", e);
            }
        }
        if (failure != null) {
            events.accept(new EpisodeEvent(new Header(driven.stampNanos(), Frames.BASE_LINK), EpisodeEvent.Kind.POLICY_NOTE,
                    SOURCE, failure));
            failure = null;
        }
    }

    private void fail(String where, RuntimeException e) {
        failed = true;
        failure = "teacher " + policy.name() + " failed at its " + where + ", no more labels this episode: " + e;
    }
}
