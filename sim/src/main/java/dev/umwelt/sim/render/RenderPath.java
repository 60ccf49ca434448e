package dev.umwelt.sim.render;

/** How a frame's geometry is submitted. Both give the same pixels; they differ in cost. */
public enum RenderPath {
    /** One instanced draw per shape kind (at most 4 per frame): the fast path, the default. */
    INSTANCED,
    /** One draw per object with a uniform model matrix and colour: the benchmark baseline. */
    REFERENCE
}
