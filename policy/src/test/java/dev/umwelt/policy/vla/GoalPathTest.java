package dev.umwelt.policy.vla;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.policy.vla.ModelManifest.BeliefChannel;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.WorldModelConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The belief's path channel on a world model that has seen nothing yet (every cell unknown, so
 * the plan is the straight line): the cells from the robot to the point goal ahead, or behind,
 * and nothing for an instruction without a destination.
 */
class GoalPathTest {
    static final int N = 15;
    static final double RES = 0.5;

    /** The painted cells of the path channel (the second of two), as "row,col". */
    static TreeSet<String> painted(String instruction, double[] point) {
        WorldModel world = new WorldModel(ModelDirectoryTest.TURTLE, Pose2D.ORIGIN, WorldModelConfig.DEFAULTS);
        var instr = new ModelInputs.Instructed(instruction, null, InstructionGrounding.shared().of(instruction), point);
        float[] x = new float[2 * N * N];
        BeliefRaster.paint(world, Pose2D.ORIGIN, List.of(BeliefChannel.TRAIL, BeliefChannel.PATH), N, N, RES, instr, null, x);
        TreeSet<String> cells = new TreeSet<>();
        for (int p = 0; p < N * N; p++) {
            float v = x[N * N + p];
            if (v != 0) {
                assertEquals(1f, v, "a path cell is 1");
                cells.add(p / N + "," + p % N);
            }
        }
        return cells;
    }

    static TreeSet<String> column(int col, int fromRow, int toRow) {
        TreeSet<String> s = new TreeSet<>();
        for (int i = fromRow; i <= toRow; i++) s.add(i + "," + col);
        return s;
    }

    @Test
    void thePlanToAPointAheadOrBehindIsTheLineToIt() {
        // ego x 0 .. 2.8 m (within 0.2 m of the goal): rows 7 - x / 0.5 = 7 .. 1.4, the centre column
        assertEquals(column(7, 1, 7), painted("go to 3, 0", new double[] {3, 0}));
        assertEquals(column(7, 7, 13), painted("go to -3, 0", new double[] {-3, 0}));
    }

    @Test
    void noDestinationNoPath() {
        assertEquals(new TreeSet<>(), painted("find the blue cone", null), "no point, no source, no object seen");
        List<String> none = new ArrayList<>(painted("go to 50, 0", new double[] {50, 0}));
        assertEquals(List.of(), none, "a goal off the 30 m grid: no plan");
    }
}
