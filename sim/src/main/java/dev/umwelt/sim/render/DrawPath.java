package dev.umwelt.sim.render;

/** Submits a scene's geometry into the bound framebuffer; see {@link RenderPath}. */
interface DrawPath extends AutoCloseable {
    void draw(GpuScene scene, float[] viewProj);

    @Override
    void close();
}
