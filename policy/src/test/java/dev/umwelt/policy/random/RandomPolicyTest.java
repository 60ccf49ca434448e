package dev.umwelt.policy.random;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.bus.robot.LidarSpec;
import dev.umwelt.bus.robot.MotionLimits;
import dev.umwelt.bus.robot.MotionNoise;
import dev.umwelt.bus.robot.OdometrySpec;
import dev.umwelt.bus.robot.RobotDescription;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RandomPolicyTest {
    static final RobotDescription ROBOT = new RobotDescription("r", null, 0.18, 0.3, 10, 0.1,
            new MotionLimits(0.8, 2.0, 2.0, 6.0), MotionNoise.NONE, 20, 0.5,
            new LidarSpec(Pose2D.ORIGIN, 20, 360, -Math.PI, Math.PI, 0.1, 12, 0, 0), OdometrySpec.perfect(50), null, List.of());

    static List<ActionChunk> episode(long seed, int ticks) {
        RandomPolicy p = new RandomPolicy();
        Instruction go = new Instruction(new Header(1, Frames.BASE_LINK), "go", Instruction.Source.SCENARIO, 1);
        p.reset(new EpisodeContext(ROBOT, go, seed));
        List<ActionChunk> out = new ArrayList<>();
        for (int k = 0; k < ticks; k++) {
            ActionChunk a = p.act(Observation.at(k * 50_000_000L).build(), go);
            out.add(a);
            if (a.stop()) break;
        }
        return out;
    }

    @Test
    void staysWithinLimitsIsSeededAndStopsEventually() {
        List<ActionChunk> a = episode(3, 100_000), b = episode(3, 100_000), c = episode(4, 100_000);
        assertEquals(a, b, "same seed, same actions");
        assertNotEquals(a, c, "another seed, other actions");
        assertTrue(a.get(a.size() - 1).stop(), "a random walk ends with STOP");
        for (ActionChunk x : a) {
            if (x.stop()) continue;
            assertTrue(x.actions().get(0).linear() >= 0 && x.actions().get(0).linear() <= 0.8);
            assertTrue(Math.abs(x.actions().get(0).angular()) <= 2.0);
        }
        double meanTicks = 0;
        for (long s = 0; s < 200; s++) meanTicks += episode(s, 100_000).size();
        meanTicks /= 200;
        assertEquals(20.0 * 20, meanTicks, 100, "mean episode ~20 s at 20 Hz");
    }
}
