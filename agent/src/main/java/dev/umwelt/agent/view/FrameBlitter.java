package dev.umwelt.agent.view;

import org.lwjgl.system.MemoryUtil;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;

import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL12C.GL_BGRA;
import static org.lwjgl.opengl.GL12C.GL_UNSIGNED_INT_8_8_8_8_REV;
import static org.lwjgl.opengl.GL30C.*;

/**
 * Puts Java2D images on the window without shaders: the image goes into a texture attached
 * to a read framebuffer, and {@code glBlitFramebuffer} copies it into the default framebuffer
 * upside down (Java2D rows run top-down, GL rows bottom-up). The texture, the image and the
 * upload buffer are reused until the framebuffer size changes. GL thread only.
 */
final class FrameBlitter implements AutoCloseable {
    private final int fbo = glGenFramebuffers();
    private final int texture = glGenTextures();
    private BufferedImage image;
    private IntBuffer upload;
    private int width, height;

    /** The image to draw into at this framebuffer size (a new one, cleared, when the size changed). */
    BufferedImage imageFor(int w, int h) {
        if (image == null || w != width || h != height) {
            width = w;
            height = h;
            image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            if (upload != null) MemoryUtil.memFree(upload);
            upload = MemoryUtil.memAllocInt(w * h);
            glBindTexture(GL_TEXTURE_2D, texture);
            // RGB8, not RGBA8: TYPE_INT_RGB leaves alpha 0, which a compositor would show as transparent.
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB8, w, h, 0, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, (IntBuffer) null);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
            glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
            glFramebufferTexture2D(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
            int status = glCheckFramebufferStatus(GL_READ_FRAMEBUFFER);
            if (status != GL_FRAMEBUFFER_COMPLETE) {
                throw new IllegalStateException("viewer framebuffer incomplete: 0x" + Integer.toHexString(status));
            }
            glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
            upload(); // the new image is black; show that rather than undefined texels
        }
        return image;
    }

    /** Copies the image (after drawing into it) into the texture. */
    void upload() {
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        upload.clear().put(pixels).flip();
        glBindTexture(GL_TEXTURE_2D, texture);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        // 0x00RRGGBB ints are BGRA with the 8_8_8_8_REV packing, whatever the byte order.
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, upload);
    }

    /** Copies the texture into the default framebuffer's back buffer, flipped to top row first. */
    void blit() {
        if (image == null) return;
        glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
        glBlitFramebuffer(0, 0, width, height, 0, height, width, 0, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    }

    /** What the window's back buffer holds now, top row first (for tests: what a person saw). */
    BufferedImage readBack() {
        if (image == null) return null;
        ByteBuffer rgba = MemoryUtil.memAlloc(width * height * 4);
        try {
            glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
            glReadBuffer(GL_BACK);
            glPixelStorei(GL_PACK_ALIGNMENT, 4);
            glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
            BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < height; y++) {
                int row = (height - 1 - y) * width * 4;
                for (int x = 0; x < width; x++) {
                    int i = row + x * 4;
                    out.setRGB(x, y, (rgba.get(i) & 0xFF) << 16 | (rgba.get(i + 1) & 0xFF) << 8 | (rgba.get(i + 2) & 0xFF));
                }
            }
            return out;
        } finally {
            MemoryUtil.memFree(rgba);
        }
    }

    @Override
    public void close() {
        glDeleteFramebuffers(fbo);
        glDeleteTextures(texture);
        if (upload != null) MemoryUtil.memFree(upload);
        upload = null;
    }
}
