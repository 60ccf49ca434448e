package dev.umwelt.sim.render;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.robot.CameraSpec;
import dev.umwelt.scenarios.world.WorldMap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * The camera renderer of the process: ONE thread owns the GL context (contexts are per
 * thread) and serves every episode through a queue of tasks, each completing a
 * CompletableFuture. Callers on any thread: {@link #upload} a world once per episode,
 * {@link #render}/{@link #renderNow} frames (the Simulator calls renderNow from its episode
 * thread at the camera rate), {@link #release} at episode end. Requests run in arrival order.
 *
 * <p>Determinism: the bytes depend only on (scene, style, camera, size, poses, frame seed)
 * for a fixed Mesa version; the context kind and render path do not change them.
 */
public final class RenderService implements AutoCloseable {
    private static final Object SHARED_LOCK = new Object();
    private static RenderService shared;

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final RenderPath path;
    private volatile boolean closed;
    private String description = "";
    // Render-thread state: touched only by tasks.
    private GlContext context;
    private FrameRenderer renderer;
    private final Map<Integer, GpuScene> scenes = new HashMap<>();
    private int nextId = 1;

    private RenderService(Supplier<GlContext> contextFactory, RenderPath path) {
        this.path = path;
        CompletableFuture<Void> started = new CompletableFuture<>();
        thread = new Thread(() -> run(contextFactory, started), "umwelt-render");
        thread.setDaemon(true);      // a forgotten close() must not keep the JVM alive
        thread.start();
        try {
            started.join();
        } catch (CompletionException e) {
            closed = true;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** EGL surfaceless context, instanced path. Throws {@link RenderUnavailableException}. */
    public static RenderService headless() {
        return headless(RenderPath.INSTANCED);
    }

    public static RenderService headless(RenderPath path) {
        return new RenderService(HeadlessContext::create, path);
    }

    /** A hidden GLFW window on $DISPLAY (Xvfb in tests), instanced path. */
    public static RenderService windowed() {
        return windowed(RenderPath.INSTANCED);
    }

    public static RenderService windowed(RenderPath path) {
        return new RenderService(WindowContext::create, path);
    }

    /**
     * The process-wide headless service, started on first use and closed by a shutdown hook.
     * Callers must not close it. Episodes share it: upload/release per episode.
     */
    public static RenderService shared() {
        synchronized (SHARED_LOCK) {
            if (shared == null || shared.closed) {
                // Headless by default; UMWELT_RENDER=window renders through a GLFW window on $DISPLAY
                // (same pixels, e.g. to check a desktop's driver).
                RenderService s = "window".equals(System.getenv("UMWELT_RENDER")) ? windowed() : headless();
                Runtime.getRuntime().addShutdownHook(new Thread(s::close, "umwelt-render-shutdown"));
                shared = s;
            }
            return shared;
        }
    }

    private void run(Supplier<GlContext> contextFactory, CompletableFuture<Void> started) {
        try {
            context = contextFactory.get();
            renderer = new FrameRenderer(path);
            description = context.kind() + ", " + context.renderer() + ", " + path;
            started.complete(null);
        } catch (Throwable t) {
            if (context != null) context.close();
            started.completeExceptionally(t);
            return;
        }
        try {
            while (true) {
                Runnable task = queue.take();
                if (task == STOP) break;
                task.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            scenes.values().forEach(GpuScene::close);
            scenes.clear();
            renderer.close();
            context.close();
            for (Runnable r; (r = queue.poll()) != null; ) if (r instanceof Task<?> t) t.future.cancel(false);
        }
    }

    private static final Runnable STOP = () -> { };

    /** A queued call: runs on the render thread, completes its future with the result or failure. */
    private record Task<T>(Supplier<T> body, CompletableFuture<T> future) implements Runnable {
        @Override
        public void run() {
            try {
                future.complete(body.get());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }
    }

    private <T> CompletableFuture<T> submit(Supplier<T> body) {
        if (closed) throw new IllegalStateException("RenderService is closed");
        CompletableFuture<T> f = new CompletableFuture<>();
        queue.add(new Task<>(body, f));
        return f;
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        } catch (CancellationException e) {
            throw new IllegalStateException("RenderService closed before the request ran", e);
        }
    }

    /** Context kind, GL renderer and path, e.g. "egl-surfaceless, llvmpipe (...), INSTANCED". */
    public String description() {
        return description;
    }

    /** Builds the static world's GPU buffers with {@code style}; blocks until done (~ms). */
    public SceneHandle upload(WorldMap world, RenderStyle style) {
        int movables = world.movableObjects().size();
        return await(submit(() -> {
            int id = nextId++;
            scenes.put(id, renderer.upload(world, style));
            return new SceneHandle(this, id, style, movables);
        }));
    }

    /** Frees the scene's GPU buffers. Idempotent. */
    public void release(SceneHandle scene) {
        check(scene);
        if (closed) return;
        await(submit(() -> {
            GpuScene s = scenes.remove(scene.id);
            if (s != null) s.close();
            return null;
        }));
    }

    /**
     * Queues a frame: the camera {@code cam} on the robot at {@code robotPose} (base_link in
     * the map), image {@code width} x {@code height} (usually cam.width() x cam.height()),
     * the movable objects at {@code movablePoses} (world.movableObjects() order). The future
     * yields RGB8, top row first, a fresh array per frame (CameraFrame shares it).
     * {@code frameSeed} seeds the style's pixel noise: pass the frame's stamp.
     */
    public CompletableFuture<byte[]> render(SceneHandle scene, CameraSpec cam, int width, int height, Pose2D robotPose,
                                            List<Pose2D> movablePoses, long frameSeed) {
        check(scene);
        if (movablePoses.size() != scene.movableCount()) {
            throw new IllegalArgumentException("expected " + scene.movableCount() + " movable poses, got " + movablePoses.size());
        }
        List<Pose2D> poses = List.copyOf(movablePoses);   // the caller may reuse its list
        return submit(() -> {
            GpuScene s = scenes.get(scene.id);
            if (s == null) throw new IllegalStateException(scene + " was released");
            return renderer.render(s, cam, width, height, robotPose, poses, frameSeed);
        });
    }

    /** {@link #render} and wait: the Simulator's synchronous call. */
    public byte[] renderNow(SceneHandle scene, CameraSpec cam, int width, int height, Pose2D robotPose,
                            List<Pose2D> movablePoses, long frameSeed) {
        return await(render(scene, cam, width, height, robotPose, movablePoses, frameSeed));
    }

    /** {@link #renderNow} at the camera's own size. */
    public byte[] renderNow(SceneHandle scene, CameraSpec cam, Pose2D robotPose, List<Pose2D> movablePoses,
                            long frameSeed) {
        return renderNow(scene, cam, cam.width(), cam.height(), robotPose, movablePoses, frameSeed);
    }

    private void check(SceneHandle scene) {
        if (scene.owner != this) throw new IllegalArgumentException(scene + " belongs to another RenderService");
    }

    /** Stops the render thread after the queued requests, freeing every scene and the context. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        queue.add(STOP);
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
