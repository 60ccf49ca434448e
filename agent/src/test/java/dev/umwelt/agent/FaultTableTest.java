package dev.umwelt.agent;

import dev.umwelt.agent.bench.FaultTable;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.bus.fault.Fault;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault table (issue 16's acceptance) through the real simulator, observation path, policy
 * and safety chain: every kind on every sensor, each in its own 5.5 s episode of the kitchen
 * (the catalog scenario with sound) with the explorer, whose watchdog stops the robot for a
 * lidar or odometry fault. Bounds are sensors/README.md's; `./umwelt bench faults` prints the same.
 */
class FaultTableTest {
    @Test
    void everyFaultOnEverySensorIsDetectedInTimeRecoversAndRaisesNothingElsewhere() {
        Scenario kitchen = ScenarioLoader.load(Catalog.scenario("kitchen-beeping-alarm"));
        FaultTable.Table t = FaultTable.run(kitchen, "explorer", 2);
        StringWriter text = new StringWriter();
        FaultTable.print(new PrintWriter(text), t);
        System.out.print(text);

        assertEquals(EnumSet.of(Modality.CAMERA, Modality.LIDAR, Modality.ODOMETRY, Modality.AUDIO),
                t.rows().stream().map(r -> r.fault().modality()).collect(Collectors.toCollection(() -> EnumSet.noneOf(Modality.class))));
        for (Modality m : List.of(Modality.CAMERA, Modality.LIDAR, Modality.ODOMETRY, Modality.AUDIO)) {
            Set<Fault.Kind> kinds = t.rows().stream().filter(r -> r.fault().modality() == m).map(r -> r.fault().kind())
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Fault.Kind.class)));
            Set<Fault.Kind> expected = m == Modality.ODOMETRY ? EnumSet.of(Fault.Kind.DROP, Fault.Kind.FREEZE, Fault.Kind.DELAY)
                    : EnumSet.allOf(Fault.Kind.class);
            assertEquals(expected, kinds, m.key());
        }
        assertEquals(23, t.rows().size(), text.toString());
        assertEquals(List.of(), t.faultFreeEvents(), "the fault-free episode raises nothing");
        for (FaultTable.Row r : t.rows()) {
            String cell = r.fault() + ": " + text;
            assertTrue(r.rightReason(), "reason " + r.reported() + ", expected " + r.expected() + " for " + cell);
            assertTrue(r.detectedAt() >= FaultTable.FROM && r.latency() <= r.detectionBound(),
                    "detected at " + r.detectedAt() + " s, bound " + r.detectionBound() + " s for " + cell);
            assertEquals(1, r.recoveries(), "recovered once for " + cell);
            assertTrue(!r.faultedAfterRecovery(), "no fault after the recovery for " + cell);
            assertTrue(r.recoveredAt() >= FaultTable.TO && r.recoveredAt() <= FaultTable.TO + r.recoveryBound(),
                    "recovered at " + r.recoveredAt() + " s for " + cell);
            assertEquals(List.of(), r.elsewhere(), "no false fault on another sensor for " + cell);
            assertTrue(r.passes(), cell);
        }
        assertTrue(t.passes());
        assertTrue(text.toString().contains("23 of 23 cells pass"), text.toString());
    }
}
