package dev.umwelt.sim.render;

import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;

import static org.lwjgl.opengl.GL33C.*;

/**
 * An offscreen framebuffer: RGBA8 colour + DEPTH24 renderbuffers, and a reused direct buffer
 * for read-back. Both context kinds render only here, so their pixels match. One per image
 * size, kept for the life of the render thread (the Simulator asks for one size per camera).
 */
final class RenderTarget implements AutoCloseable {
    final int width, height;
    private final int fbo, colour, depth;
    private final ByteBuffer pixels;   // GL_RGB rows, bottom row first (GL's order)

    RenderTarget(int width, int height) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("size " + width + "x" + height);
        this.width = width;
        this.height = height;
        fbo = glGenFramebuffers();
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        colour = glGenRenderbuffers();
        glBindRenderbuffer(GL_RENDERBUFFER, colour);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
        depth = glGenRenderbuffers();
        glBindRenderbuffer(GL_RENDERBUFFER, depth);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, width, height);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth);
        int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            close();
            throw new IllegalStateException("framebuffer incomplete: 0x" + Integer.toHexString(status));
        }
        pixels = MemoryUtil.memAlloc(3 * width * height);
    }

    /** Binds the FBO and clears it to the sky colour. */
    void begin(int skyRgb) {
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        glViewport(0, 0, width, height);
        glClearColor(((skyRgb >> 16) & 255) / 255f, ((skyRgb >> 8) & 255) / 255f, (skyRgb & 255) / 255f, 1f);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    }

    /**
     * Reads the frame back as RGB8, top row first. GL returns rows bottom-up; this is the one
     * place the image is flipped (DESIGN.md). Row copies, no per-pixel work.
     */
    byte[] readTopRowFirst() {
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadBuffer(GL_COLOR_ATTACHMENT0);
        pixels.clear();
        glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels);
        int stride = 3 * width;
        byte[] out = new byte[stride * height];
        for (int row = 0; row < height; row++) pixels.get((height - 1 - row) * stride, out, row * stride, stride);
        return out;
    }

    @Override
    public void close() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteFramebuffers(fbo);
        glDeleteRenderbuffers(colour);
        glDeleteRenderbuffers(depth);
        if (pixels != null) MemoryUtil.memFree(pixels);
    }
}
