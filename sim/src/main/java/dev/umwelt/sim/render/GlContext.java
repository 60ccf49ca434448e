package dev.umwelt.sim.render;

/**
 * An OpenGL 3.3 core context, current on the thread that created it (contexts are per
 * thread: create, render and close on the render thread only). Rendering never touches the
 * default framebuffer: both implementations draw into the same kind of FBO
 * ({@link RenderTarget}) and read back the same way, so their pixels are identical.
 */
public interface GlContext extends AutoCloseable {
    /** "egl-surfaceless" or "glfw-window": for logs and benchmark reports. */
    String kind();

    /** GL_RENDERER of the context, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)". */
    String renderer();

    /** Destroys the context; on the thread that created it. */
    @Override
    void close();
}
