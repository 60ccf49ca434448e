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
            if (!initGlfw()) throw new IllegalStateException("glfwInit failed on DISPLAY=" + display);
            long w = openWindow(64, 64, "umwelt camera", visible, false);
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

    /** Initializes GLFW on X (GLFW 3.4 could also pick Wayland; the renderer is tested on X only). */
    public static boolean initGlfw() {
        if (glfwPlatformSupported(GLFW_PLATFORM_X11)) glfwInitHint(GLFW_PLATFORM, GLFW_PLATFORM_X11);
        return glfwInit();
    }

    /**
     * Opens a window with a GL 3.3 core context (not made current), or returns NULL. Every
     * window of the process goes through here: LWJGL resolves GL entry points once per process,
     * so all contexts must come from the same API, EGL, which the headless renderer needs.
     */
    public static long openWindow(int width, int height, String title, boolean visible, boolean resizable) {
        if (GL.getFunctionProvider() == null) Configuration.OPENGL_CONTEXT_API.set("EGL");
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
        glfwWindowHint(GLFW_RESIZABLE, resizable ? GLFW_TRUE : GLFW_FALSE);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        if ("EGL".equals(Configuration.OPENGL_CONTEXT_API.get())) {
            glfwWindowHint(GLFW_CONTEXT_CREATION_API, GLFW_EGL_CONTEXT_API);
        }
        return glfwCreateWindow(width, height, title, NULL, NULL);
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
