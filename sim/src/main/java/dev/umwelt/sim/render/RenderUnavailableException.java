package dev.umwelt.sim.render;

/**
 * OpenGL could not be brought up: no libEGL, no Mesa driver, no X display for a window.
 * Thrown once, at context creation, with the Debian packages that fix it; nothing else in
 * the renderer reports a missing GL.
 */
public final class RenderUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What a headless (EGL surfaceless) context needs. */
    public static final String HEADLESS_PACKAGES = "libegl1 libegl-mesa0 libgl1-mesa-dri";

    public RenderUnavailableException(String what, Throwable cause) {
        super(what + " (install the Debian packages: apt-get install " + HEADLESS_PACKAGES
                + "; a windowed context also needs an X display, e.g. Xvfb: apt-get install xvfb xauth"
                + " and run under xvfb-run -a)" + (cause == null ? "" : ": " + cause), cause);
    }
}
