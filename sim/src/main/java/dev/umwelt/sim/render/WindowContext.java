package dev.umwelt.sim.render;

import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.opengl.GL;
import org.lwjgl.system.Configuration;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.opengl.GL11C.GL_RENDERER;
import static org.lwjgl.opengl.GL11C.glGetString;
import static org.lwjgl.system.MemoryUtil.NULL;

/**
 * A GLFW window on X (hidden by default; Xvfb in tests) with a GL 3.3 core context. The
 * window's own framebuffer is never drawn to: frames go into the same FBO as headless, so
 * the pixels are identical; a visible window is only for a person watching.
 */
public final class WindowContext implements GlContext {
    private final long window;
    private final String renderer;

    private WindowContext(long window, String renderer) {
        this.window = window;
        this.renderer = renderer;
    }

    /** Creates a hidden 64x64 window and makes its context current on the calling thread. */
    public static WindowContext create() {
        return create(false);
    }

    public static WindowContext create(boolean visible) {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isEmpty()) {
            throw new RenderUnavailableException("cannot open a GLFW window: no DISPLAY is set", null);
        }
        try {
            GLFWErrorCallback.createPrint(System.err).set();
            // GLFW 3.4 could also pick Wayland; the renderer is tested on X only.
            if (glfwPlatformSupported(GLFW_PLATFORM_X11)) glfwInitHint(GLFW_PLATFORM, GLFW_PLATFORM_X11);
            if (!glfwInit()) throw new IllegalStateException("glfwInit failed on DISPLAY=" + display);
            glfwDefaultWindowHints();
            glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
            glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
            glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
            glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
            glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
            // LWJGL resolves GL entry points once per process; if a headless (EGL) context came
            // first, make the window an EGL one too so those entry points stay valid.
            if ("EGL".equals(Configuration.OPENGL_CONTEXT_API.get())) {
                glfwWindowHint(GLFW_CONTEXT_CREATION_API, GLFW_EGL_CONTEXT_API);
            }
            long w = glfwCreateWindow(64, 64, "umwelt camera", NULL, NULL);
            if (w == NULL) throw new IllegalStateException("glfwCreateWindow(GL 3.3 core) failed");
            glfwMakeContextCurrent(w);
            glfwSwapInterval(0);
            GL.createCapabilities();
            return new WindowContext(w, glGetString(GL_RENDERER));
        } catch (RenderUnavailableException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new RenderUnavailableException("cannot create a windowed OpenGL 3.3 context (GLFW on X)", e);
        }
    }

    /** The GLFW window handle, for a caller that wants to show or title it. */
    public long window() {
        return window;
    }

    @Override
    public String kind() {
        return "glfw-window";
    }

    @Override
    public String renderer() {
        return renderer;
    }

    @Override
    public void close() {
        glfwMakeContextCurrent(NULL);
        GL.setCapabilities(null);
        glfwDestroyWindow(window);
        glfwTerminate();
        GLFWErrorCallback cb = glfwSetErrorCallback(null);
        if (cb != null) cb.free();
    }
}
