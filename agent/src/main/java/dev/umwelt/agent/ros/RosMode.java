package dev.umwelt.agent.ros;

import io.vertx.core.Future;

/** A ROS mode deployed on Vert.x ({@code ros sim}, {@code ros brain}): one node of the ROS graph. */
public interface RosMode {
    /**
     * Completes, with who asked and why ({@code /rosnode: user request}), once ROS shut the node
     * down: {@code rosnode kill}, or the master because another node took the name. The mode has
     * stopped working by then; the process should end.
     */
    Future<String> shutDownThroughRos();
}
