package dev.umwelt.agent.pictures;

import dev.umwelt.bus.sensing.CameraFrame;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Draws viewer frames: the top-down map with the robot (footprint and heading), the latest
 * lidar rays, the path so far, the goal and objects; the latest camera image as an inset in
 * the top-right corner; the instruction, the command (v, w) and the sim time as text.
 *
 * <p>The static map is drawn once per scenario and size and kept; a frame copies it and draws
 * only the overlays (a few milliseconds at 1024x768). One instance per window, used from one
 * thread at a time.
 */
public final class ViewerFrame {
    public static final int TEXT_HEIGHT = 46;
    static final int INSET_MARGIN = 10;

    private TopDownMap map;
    /** Whether this scenario shows a camera (its robot has one, or a frame came): the map then keeps clear of the inset. */
    private boolean camera;
    private CameraFrame lastFrame;
    private BufferedImage lastFrameImage;

    public BufferedImage draw(ViewerState state, int width, int height) {
        BufferedImage img = Style.newImage(width, height);
        drawInto(state, img);
        return img;
    }

    /** Draws into an image of the caller's (a window reuses one per frame); its size picks the layout. */
    public void drawInto(ViewerState state, BufferedImage target) {
        TopDownMap m = mapFor(state, target.getWidth(), target.getHeight());
        Graphics2D g = target.createGraphics();
        g.drawImage(m.staticLayer(), 0, 0, null);
        g.dispose();
        g = m.overlayGraphics(target);
        m.drawTrajectory(g, state.path());
        if (state.scan() != null) m.drawLidar(g, state.pose(), state.scan());
        m.drawRobot(g, state.pose());
        if (state.camera() != null) drawInset(g, state.camera(), target.getWidth(), target.getHeight());
        m.drawCaption(g, List.of(state.instruction(), String.format(Locale.ROOT,
                "v %+.2f m/s   w %+.2f rad/s   t %.2f s   %s", state.command().linear(), state.command().angular(),
                state.simSeconds(), state.scenario().name())));
        g.dispose();
    }

    /**
     * Where the camera inset goes for a frame of this size: the top-right corner, a quarter of
     * the width (at least the frame's own size when that fits), aspect kept.
     */
    public static Rectangle cameraInset(int width, int height, int frameWidth, int frameHeight) {
        int w = Math.max(Math.min(frameWidth, width / 2), width / 4);
        int h = (int) Math.round(w * frameHeight / (double) frameWidth);
        int maxH = (height - TEXT_HEIGHT) / 2;
        if (h > maxH) {
            h = maxH;
            w = (int) Math.round(h * frameWidth / (double) frameHeight);
        }
        return new Rectangle(width - w - INSET_MARGIN, INSET_MARGIN, w, h);
    }

    private void drawInset(Graphics2D g, CameraFrame f, int width, int height) {
        if (f != lastFrame) {
            lastFrameImage = CameraImages.toImage(f, 1);
            lastFrame = f;
        }
        Rectangle r = cameraInset(width, height, f.width(), f.height());
        g.setColor(Style.ROBOT);
        g.setStroke(new BasicStroke(2f));
        g.drawRect(r.x - 1, r.y - 1, r.width + 1, r.height + 1);
        g.setStroke(new BasicStroke(1f));
        Object old = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(lastFrameImage, r.x, r.y, r.width, r.height, null);
        if (old != null) g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
    }

    private TopDownMap mapFor(ViewerState s, int width, int height) {
        // Identity, not equals: a record's equals would walk the whole world every frame.
        boolean sameScenario = map != null && map.scenario() == s.scenario();
        boolean wantsInset = (sameScenario && camera) || s.camera() != null || s.scenario().robot().cameraSpec().isPresent();
        if (!sameScenario || map.width() != width || map.height() != height || wantsInset != camera) {
            camera = wantsInset;
            int reserve = 0;
            if (camera) {
                int fw = s.camera() != null ? s.camera().width() : s.scenario().robot().cameraSpec().orElseThrow().width();
                int fh = s.camera() != null ? s.camera().height() : s.scenario().robot().cameraSpec().orElseThrow().height();
                reserve = cameraInset(width, height, fw, fh).width + 2 * INSET_MARGIN - TopDownMap.MARGIN;
            }
            map = TopDownMap.besideInset(s.scenario(), width, height, TEXT_HEIGHT, reserve);
        }
        return map;
    }
}
