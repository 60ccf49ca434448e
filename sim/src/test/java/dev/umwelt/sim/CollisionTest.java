package dev.umwelt.sim;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.scenarios.Scenario;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollisionTest {

    @Test
    void sustainedContactCountsOnceAndEachNewHitCountsAgain() {
        // One wall 1 m ahead (face at x = 0.95); the robot (r = 0.2) touches it after ~0.75 m.
        Scenario s = Fixtures.scenario(List.of(Fixtures.wall(1.0, -2, 1.0, 2)), List.of(), Pose2D.ORIGIN, Fixtures.robot());
        try (Simulator sim = new Simulator(s)) {
            sim.reset(1);
            List<EpisodeEvent> events = new ArrayList<>();
            drive(sim, 0.5, 4.0, events); // keeps pushing into the wall for ~2 s
            assertEquals(1, sim.collisions());
            assertEquals(1, count(events, EpisodeEvent.Kind.COLLISION_BEGAN));
            assertEquals(0, count(events, EpisodeEvent.Kind.COLLISION_ENDED));
            assertEquals("wall:0", events.get(0).detail());
            assertEquals("sim", events.get(0).source());
            assertEquals(0.95 - 0.2, sim.groundTruth().x(), 0.02, "held at the wall");

            drive(sim, -0.5, 1.5, events);
            assertEquals(1, count(events, EpisodeEvent.Kind.COLLISION_ENDED));
            assertTrue(sim.groundTruth().x() < 0.5);
            drive(sim, 0.5, 3.0, events);
            assertEquals(2, sim.collisions());
            assertEquals(2, count(events, EpisodeEvent.Kind.COLLISION_BEGAN));
        }
    }

    @Test
    void hittingAnObjectNamesIt() {
        var crate = Fixtures.object("crate7", dev.umwelt.bus.appearance.Shape.BOX, new Pose2D(1.0, 0, 0), 0.4, 0.4, false);
        Scenario s = Fixtures.scenario(List.of(), List.of(crate), Pose2D.ORIGIN, Fixtures.robot());
        try (Simulator sim = new Simulator(s)) {
            sim.reset(1);
            List<EpisodeEvent> events = new ArrayList<>();
            drive(sim, 0.5, 3.0, events);
            assertEquals(1, sim.collisions());
            assertEquals("object:crate7", events.get(0).detail());
        }
    }

    private static void drive(Simulator sim, double v, double seconds, List<EpisodeEvent> sink) {
        for (int k = 0; k < Math.round(seconds * 20); k++) sink.addAll(sim.step(Fixtures.cmd(sim, v, 0)).events());
    }

    private static long count(List<EpisodeEvent> events, EpisodeEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).count();
    }
}
