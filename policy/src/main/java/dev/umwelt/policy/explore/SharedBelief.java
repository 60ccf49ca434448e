package dev.umwelt.policy.explore;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.grid.OccupancyGrid;
import dev.umwelt.worldmodel.objects.RememberedObject;
import dev.umwelt.worldmodel.sound.SoundSourceMap;

import java.util.List;

/** The agent's world model, which the agent updates before each act: the explorer only reads it. */
final class SharedBelief implements BeliefView {
    private final WorldModel world;

    SharedBelief(WorldModel world) {
        this.world = world;
    }

    @Override public void update(Observation observation) { }
    @Override public Pose2D pose() { return world.pose(); }
    @Override public OccupancyGrid grid() { return world.grid(); }
    @Override public List<RememberedObject> objects() { return world.objects().objects(); }
    @Override public SoundSourceMap sounds() { return world.sounds(); }
}
