package dev.umwelt.sim.render;

import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGLCapabilities;
import org.lwjgl.opengl.GL;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

import java.nio.IntBuffer;

import static org.lwjgl.egl.EGL10.*;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_BIT;
import static org.lwjgl.egl.EGL14.eglBindAPI;
import static org.lwjgl.egl.EGL15.*;
import static org.lwjgl.opengl.GL11C.GL_RENDERER;
import static org.lwjgl.opengl.GL11C.glGetString;

/**
 * The default context: EGL on Mesa's surfaceless platform, so no X, no window, no pbuffer.
 * Desktop GL 3.3 core; all drawing goes into an FBO. Needs libegl1, libegl-mesa0 and
 * libgl1-mesa-dri (llvmpipe on a machine without a GPU).
 */
public final class HeadlessContext implements GlContext {
    static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;

    private final long display;
    private final long context;
    private final String renderer;

    private HeadlessContext(long display, long context, String renderer) {
        this.display = display;
        this.context = context;
        this.renderer = renderer;
    }

    /** Creates the context and makes it current on the calling thread. */
    public static HeadlessContext create() {
        // LWJGL must load GL entry points through eglGetProcAddress, and it fixes that choice
        // the first time class GL initialises: so this comes before any GL call in the process.
        Configuration.OPENGL_CONTEXT_API.set("EGL");
        long dpy = EGL_NO_DISPLAY;
        try {
            EGLCapabilities client = EGL.createDisplayCapabilities(EGL_NO_DISPLAY);
            if (!client.EGL_EXT_platform_base && !client.EGL15) {
                throw new IllegalStateException("libEGL lacks EGL_EXT_platform_base");
            }
            // The surfaceless platform requires native_display == 0, which LWJGL's
            // eglGetPlatformDisplay wrappers reject: call the entry point directly.
            long fn = client.eglGetPlatformDisplay != 0 ? client.eglGetPlatformDisplay : client.eglGetPlatformDisplayEXT;
            dpy = JNI.callPPP(EGL_PLATFORM_SURFACELESS_MESA, 0L, 0L, fn);
            if (dpy == EGL_NO_DISPLAY) throw new IllegalStateException("no surfaceless EGL display" + err());
            try (MemoryStack st = MemoryStack.stackPush()) {
                IntBuffer major = st.mallocInt(1), minor = st.mallocInt(1);
                if (!eglInitialize(dpy, major, minor)) throw new IllegalStateException("eglInitialize" + err());
                if (!eglBindAPI(EGL_OPENGL_API)) throw new IllegalStateException("eglBindAPI(OpenGL)" + err());
                IntBuffer cfgAttr = st.ints(EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                        EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_DEPTH_SIZE, 24, EGL_NONE);
                PointerBuffer configs = st.mallocPointer(1);
                IntBuffer n = st.mallocInt(1);
                // No matching config is fine where EGL_KHR_no_config_context exists (config 0):
                // we never draw to a surface, only to our own FBO.
                long cfg = eglChooseConfig(dpy, cfgAttr, configs, n) && n.get(0) > 0 ? configs.get(0) : 0L;
                IntBuffer ctxAttr = st.ints(EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                        EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE);
                long ctx = eglCreateContext(dpy, cfg, EGL_NO_CONTEXT, ctxAttr);
                if (ctx == EGL_NO_CONTEXT) throw new IllegalStateException("eglCreateContext(GL 3.3 core)" + err());
                if (!eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx)) {
                    eglDestroyContext(dpy, ctx);
                    throw new IllegalStateException("eglMakeCurrent(surfaceless)" + err());
                }
                GL.createCapabilities();
                return new HeadlessContext(dpy, ctx, glGetString(GL_RENDERER));
            }
        } catch (RenderUnavailableException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            if (dpy != EGL_NO_DISPLAY) {
                try { eglTerminate(dpy); } catch (RuntimeException | LinkageError ignored) { /* already failing */ }
            }
            throw new RenderUnavailableException("cannot create a headless OpenGL 3.3 context (EGL surfaceless)", e);
        }
    }

    private static String err() {
        return ", eglGetError=0x" + Integer.toHexString(eglGetError());
    }

    @Override
    public String kind() {
        return "egl-surfaceless";
    }

    @Override
    public String renderer() {
        return renderer;
    }

    @Override
    public void close() {
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display, context);
        GL.setCapabilities(null);
        // No eglTerminate: the display is shared by every context of the process; a later
        // HeadlessContext gets the same handle back and would find it terminated under it.
    }
}
