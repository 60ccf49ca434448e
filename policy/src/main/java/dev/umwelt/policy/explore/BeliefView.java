package dev.umwelt.policy.explore;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.worldmodel.grid.OccupancyGrid;
import dev.umwelt.worldmodel.objects.RememberedObject;
import dev.umwelt.worldmodel.sound.SoundSourceMap;

import java.util.List;

/**
 * What the explorer reads of the robot's belief: corrected pose, occupancy grid, remembered
 * objects and the sound map. Backed by the agent's world model when the episode context has one
 * (the agent updates it before each act), else by the explorer's own {@link LocalBelief}.
 */
interface BeliefView {
    /** Feeds the observation when this view owns its world model; a no-op when the agent updates it. */
    void update(Observation observation);

    Pose2D pose();

    OccupancyGrid grid();

    List<RememberedObject> objects();

    SoundSourceMap sounds();
}
