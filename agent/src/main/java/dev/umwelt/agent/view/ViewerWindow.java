package dev.umwelt.agent.view;

import dev.umwelt.agent.pictures.ViewerFrame;
import dev.umwelt.agent.pictures.ViewerState;
import dev.umwelt.sim.render.WindowContext;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.opengl.GL;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.system.MemoryUtil.NULL;

/**
 * A desktop window showing an episode live: each frame draws the feed's newest
 * {@link ViewerState} with {@link ViewerFrame} at the window's framebuffer size and blits it
 * in (~30 fps). GL contexts belong to one thread, so the thread "umwelt-viewer" owns GLFW,
 * the window and its context from creation to destruction; the episode runs elsewhere and
 * they meet only in the {@link ViewerFeed}. Closing the window (its button, or Escape) asks the
 * episode to stop; {@link #close()} (the episode ended) closes the window.
 */
public final class ViewerWindow implements AutoCloseable {
    public static final int WIDTH = 1024, HEIGHT = 768;
    private static final long FRAME_NANOS = 1_000_000_000L / 30;
    private static final String HINT = "run it on a desktop, or under xvfb-run -a";

    /** Test only: close the window after this many frames (as a person would), and where to save its last contents. */
    public record TestHooks(int closeAfterFrames, Path screenshot) {}

    private static final AtomicReference<TestHooks> TEST_HOOKS = new AtomicReference<>(new TestHooks(0, null));

    private final ViewerFeed feed;
    private final String title;
    private final TestHooks hooks = TEST_HOOKS.get();
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean episodeOver;
    private volatile String glfwError;
    private volatile long frames;

    private ViewerWindow(ViewerFeed feed) {
        this.feed = feed;
        this.title = "Umwelt \u2014 " + feed.scenario().name();
        this.thread = new Thread(this::run, "umwelt-viewer");
        // A daemon: a wedged window must never keep the JVM alive after the episode reported.
        thread.setDaemon(true);
    }

    /**
     * Opens the window for the feed's episode and returns once it is up, so that a missing
     * display is reported before the episode starts.
     *
     * @throws ViewerUnavailableException no display, or GLFW could not open a GL 3.3 window
     */
    public static ViewerWindow open(ViewerFeed feed) {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            throw new ViewerUnavailableException("--view needs a display to open its window on, and $DISPLAY is not set: "
                    + HINT);
        }
        ViewerWindow w = new ViewerWindow(feed);
        w.thread.start();
        try {
            w.opened.get(30, TimeUnit.SECONDS);
            return w;
        } catch (ExecutionException e) {
            throw new ViewerUnavailableException("--view cannot open a window on DISPLAY=" + display + " ("
                    + oneLine(e.getCause().getMessage()) + "): " + HINT);
        } catch (TimeoutException e) {
            w.close();
            throw new ViewerUnavailableException("--view: no window on DISPLAY=" + display + " after 30 s: " + HINT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ViewerUnavailableException("--view: interrupted while opening the window");
        }
    }

    public ViewerFeed feed() {
        return feed;
    }

    /** Frames shown so far. */
    public long frames() {
        return frames;
    }

    /** Test only: hooks for the windows opened from now on ({@code 0, null}: none). */
    public static void setTestHooks(int closeAfterFrames, Path screenshot) {
        TEST_HOOKS.set(new TestHooks(closeAfterFrames, screenshot));
    }

    /** The episode is over: shows its last state, closes the window and waits for the viewer thread. */
    @Override
    public void close() {
        episodeOver = true;
        if (Thread.currentThread() == thread) return;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long window;
        GLFWErrorCallback errors = GLFWErrorCallback.create((code, description) ->
                glfwError = GLFWErrorCallback.getDescription(description));
        try {
            window = createWindow(errors);
        } catch (RuntimeException | LinkageError e) {
            terminate(errors);
            opened.completeExceptionally(e);
            return;
        }
        opened.complete(null);
        try (FrameBlitter blitter = new FrameBlitter()) {
            loop(window, blitter);
        } catch (RuntimeException | LinkageError e) {
            // The display is a by-product: a broken viewer must not crash or stall the episode.
            System.err.println("warning: the viewer stopped: " + e);
        } finally {
            glfwMakeContextCurrent(NULL);
            GL.setCapabilities(null);
            glfwDestroyWindow(window);
            terminate(errors);
        }
    }

    private long createWindow(GLFWErrorCallback errors) {
        glfwSetErrorCallback(errors);
        if (!WindowContext.initGlfw()) throw new IllegalStateException("glfwInit failed: " + glfwError);
        long w = WindowContext.openWindow(WIDTH, HEIGHT, title, true, true);
        if (w == NULL) throw new IllegalStateException("no OpenGL 3.3 core window: " + glfwError);
        glfwSetKeyCallback(w, (win, key, scancode, action, mods) -> {
            if (key == GLFW_KEY_ESCAPE && action == GLFW_PRESS) glfwSetWindowShouldClose(win, true);
        });
        glfwMakeContextCurrent(w);
        glfwSwapInterval(0); // paced by the loop; vsync would tie the frame rate to a display that may be virtual
        GL.createCapabilities();
        return w;
    }

    private void loop(long window, FrameBlitter blitter) {
        ViewerFrame painter = new ViewerFrame();
        ViewerState shown = null;
        BufferedImage drawnInto = null;
        int[] fbw = new int[1], fbh = new int[1];
        long next = System.nanoTime();
        while (true) {
            boolean last = episodeOver;
            if (!last && glfwWindowShouldClose(window)) {
                feed.requestStop();
                last = true;
            }
            glfwGetFramebufferSize(window, fbw, fbh);
            if (fbw[0] > 0 && fbh[0] > 0) { // 0x0 while minimized
                BufferedImage image = blitter.imageFor(fbw[0], fbh[0]);
                ViewerState state = feed.latest();
                boolean resized = image != drawnInto; // a new size gives a new, blank image
                drawnInto = image;
                if (state != null && (state != shown || resized)) {
                    painter.drawInto(state, image);
                    blitter.upload();
                    shown = state;
                }
                glClearColor(0.1f, 0.1f, 0.1f, 1f);
                glClear(GL_COLOR_BUFFER_BIT);
                blitter.blit();
                if (last && hooks.screenshot() != null) screenshot(blitter.readBack(), hooks.screenshot());
                glfwSwapBuffers(window);
                frames++;
                if (hooks.closeAfterFrames() > 0 && frames >= hooks.closeAfterFrames()) glfwSetWindowShouldClose(window, true);
            }
            if (last) return;
            next += FRAME_NANOS;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                glfwWaitEventsTimeout(wait / 1e9);
            } else {
                next = System.nanoTime(); // fell behind (a slow frame): do not try to catch up
                glfwPollEvents();
            }
        }
    }

    private static void screenshot(BufferedImage image, Path file) {
        if (image == null) return;
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void terminate(GLFWErrorCallback errors) {
        glfwTerminate();
        glfwSetErrorCallback(null);
        errors.free();
    }

    private static String oneLine(String s) {
        return s == null ? "unknown error" : s.replaceAll("\\s+", " ").strip();
    }
}
