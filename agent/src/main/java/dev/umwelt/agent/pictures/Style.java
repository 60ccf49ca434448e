package dev.umwelt.agent.pictures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;

/** Colours, strokes and fonts shared by every picture, and text drawing that cannot break one. */
final class Style {
    static final Color BACKGROUND = new Color(0xD9DCE0);
    static final Color FLOOR = new Color(0xF6F5F0);
    static final Color[] ROOM_TINTS = {new Color(0xFFF1DC), new Color(0xE1EEFB), new Color(0xE4F4E4),
            new Color(0xF1E4F5), new Color(0xFFFBDD), new Color(0xDDF5F7)};
    static final Color ROOM_TEXT = new Color(0x8A8F98);
    static final Color WALL = new Color(0x2F343A);
    static final Color DOOR_TEXT = new Color(0xA0A5AD);
    static final Color GOAL = new Color(0x2E9E44);
    static final Color GOAL_FILL = new Color(0x2E, 0x9E, 0x44, 0x38);
    static final Color START = new Color(0x0D47A1);
    static final Color TRAJECTORY = new Color(0x1E88E5);
    static final Color COLLISION = new Color(0xFF1744);
    static final Color ROBOT = new Color(0x263238);
    static final Color ROBOT_FILL = new Color(0x26, 0x32, 0x38, 0x40);
    static final Color LIDAR_HIT = new Color(0xFF, 0x52, 0x52, 0x70);
    static final Color LIDAR_HIT_DOT = new Color(0xE5, 0x39, 0x35, 0xD0);
    static final Color LIDAR_MISS = new Color(0xFF, 0x52, 0x52, 0x1C);
    static final Color TEXT = new Color(0x1F2328);
    static final Color CAPTION_BAND = new Color(0xFFFFFF);
    static final Color SUCCESS = new Color(0x2E7D32);
    static final Color FAILURE = new Color(0xC62828);

    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font CAPTION_BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    static final Stroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {4f, 3f}, 0f);

    /** Set once a font failed (a JDK without fonts): later pictures simply carry no text. */
    private static volatile boolean textBroken;

    static {
        // Pictures are drawn off screen; never ask for a display.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private Style() {}

    static BufferedImage newImage(int width, int height) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    static Color rgb(int rgb) {
        return new Color(rgb & 0xFFFFFF);
    }

    /** Draws text at the baseline (x, y); a missing font must not cost the whole picture. */
    static void text(Graphics2D g, String s, double x, double y) {
        if (textBroken || s == null || s.isEmpty()) return;
        try {
            g.drawString(s, (float) x, (float) y);
        } catch (RuntimeException | LinkageError | InternalError e) {
            textBroken = true;
        }
    }

    /** Width of the text in the current font, 0 when text is unavailable. */
    static int textWidth(Graphics2D g, String s) {
        if (textBroken || s == null) return 0;
        try {
            return g.getFontMetrics().stringWidth(s);
        } catch (RuntimeException | LinkageError | InternalError e) {
            textBroken = true;
            return 0;
        }
    }

    /** Text centred on (x, y), on a translucent backing so that it reads over anything. */
    static void centredLabel(Graphics2D g, String s, double x, double y, Color colour) {
        int w = textWidth(g, s);
        if (w == 0) return;
        int h = g.getFont().getSize();
        g.setColor(new Color(255, 255, 255, 150));
        g.fillRect((int) (x - w / 2.0) - 2, (int) (y - h / 2.0) - 1, w + 4, h + 3);
        g.setColor(colour);
        text(g, s, x - w / 2.0, y + h / 2.0 - 1);
    }
}
