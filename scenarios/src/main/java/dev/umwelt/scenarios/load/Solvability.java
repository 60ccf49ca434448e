package dev.umwelt.scenarios.load;

import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.bus.robot.SensorSpecs;
import dev.umwelt.bus.yaml.YamlMap;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.scenarios.geodesic.Geodesics;
import dev.umwelt.scenarios.geodesic.TaskGeodesics;
import dev.umwelt.scenarios.task.AudioGoal;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.world.Door;

import java.util.List;

/**
 * What every loaded scenario must be, not only generated ones: solvable by its robot. A door
 * narrower than the robot is refused at its {@code width}, and a goal no path of the robot's
 * footprint reaches (an object outside the walls, a room behind a wall without a door) at the
 * task's goal field, with the line, before any episode spends its time limit on it. Reachability
 * is the metric's own geodesic (the footprint radius on the static map, movable objects pushed
 * aside), so a scenario that loads has a finite SPL denominator.
 */
final class Solvability {
    private Solvability() {}

    static void check(Scenario s, List<YamlMap> doorNodes, YamlMap task) {
        RobotDescription robot = s.robot();
        double across = 2 * robot.footprintRadius();
        List<Door> doors = s.world().doors();
        for (int i = 0; i < doors.size(); i++) {
            Door d = doors.get(i);
            if (d.width() < across) {
                throw doorNodes.get(i).require("width").error("door '" + d.label() + "' is " + SensorSpecs.fmt(d.width())
                        + " m wide, narrower than robot '" + robot.name() + "' (" + SensorSpecs.fmt(across)
                        + " m across): it cannot pass; make the door at least that wide");
            }
        }
        Geodesics g = new Geodesics(ClearanceGrid.build(s.world(), ClearanceGrid.DEFAULT_RESOLUTION), robot.footprintRadius());
        Vec2 start = new Vec2(s.start().x(), s.start().y());
        if (Double.isInfinite(TaskGeodesics.distance(g, s.world(), s.task(), start))) {
            String field = s.task() instanceof ObjectGoal ? "target" : s.task() instanceof AudioGoal ? "emitter" : "goal";
            throw task.require(field).error("unreachable: no path from the start (" + SensorSpecs.fmt(start.x()) + ", "
                    + SensorSpecs.fmt(start.y()) + ") for robot '" + robot.name() + "' (footprint radius "
                    + SensorSpecs.fmt(robot.footprintRadius()) + " m) reaches the " + s.task().kind() + " goal within its "
                    + "success radius: is it outside the walls, or behind a wall without a door wide enough?");
        }
    }
}
