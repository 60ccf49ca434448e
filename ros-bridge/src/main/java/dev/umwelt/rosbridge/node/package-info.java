/** A ROS 1 node on Vert.x: master/slave XML-RPC API and TCPROS topics. See this module's README. */
package dev.umwelt.rosbridge.node;
