package dev.umwelt.sim.render;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.robot.CameraSpec;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.WorldMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.umwelt.sim.render.Scenes.*;
import static org.junit.jupiter.api.Assertions.*;

/** The renderer against real Mesa (llvmpipe), headless through EGL: no display needed. */
class RendererTest {
    static final Pose2D START = Pose2D.ORIGIN;
    static RenderService service;

    @BeforeAll
    static void start() {
        service = RenderService.headless();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static byte[] render(WorldMap world, RenderStyle style, Pose2D robot, CameraSpec cam, List<Pose2D> movables) {
        SceneHandle h = service.upload(world, style);
        try {
            return service.renderNow(h, cam, robot, movables, 0);
        } finally {
            service.release(h);
        }
    }

    private static byte[] render(WorldMap world, Pose2D robot) {
        return render(world, RenderStyle.plain(), robot, CAMERA, List.of());
    }

    private static WorldMap redBoxAhead() {
        return world(List.of(wall(-5, -5, 5, -5), wall(5, -5, 5, 5), wall(5, 5, -5, 5), wall(-5, 5, -5, -5)),
                object("box", Shape.BOX, "red", 2, 0, 0.5, false));
    }

    @Test
    void redBoxAheadIsInTheCentreThird() {
        byte[] rgb = render(redBoxAhead(), START);
        assertEquals(3 * W * H, rgb.length);
        double[] red = stats(rgb, Scenes::isRed);
        assertTrue(red[0] > 50, "red pixels: " + red[0]);
        assertTrue(red[1] > W / 3.0 && red[1] < 2 * W / 3.0, "red column centroid " + red[1]);
    }

    @Test
    void turningNinetyDegreesLosesTheBox() {
        assertEquals(0, stats(render(redBoxAhead(), new Pose2D(0, 0, Math.PI / 2)), Scenes::isRed)[0]);
        assertEquals(0, stats(render(redBoxAhead(), new Pose2D(0, 0, -Math.PI / 2)), Scenes::isRed)[0]);
    }

    @Test
    void aWallInBetweenHidesTheBox() {
        WorldMap world = world(List.of(wall(1, -1.5, 1, 1.5)), object("box", Shape.BOX, "red", 2, 0, 0.5, false));
        assertEquals(0, stats(render(world, START), Scenes::isRed)[0]);
    }

    @Test
    void leftInTheWorldIsLeftInTheImage() {
        // REP-103: +y is left. The sphere at y = +0.8 must appear at smaller column numbers.
        WorldMap world = world(List.of(), object("box", Shape.BOX, "red", 2, 0, 0.5, false),
                object("ball", Shape.SPHERE, "blue", 2, 0.8, 0.5, false));
        byte[] rgb = render(world, START);
        double[] red = stats(rgb, Scenes::isRed), blue = stats(rgb, Scenes::isBlue);
        assertTrue(red[0] > 50 && blue[0] > 50, "red " + red[0] + ", blue " + blue[0]);
        assertTrue(blue[1] < red[1], "blue column " + blue[1] + " should be left of red " + red[1]);
    }

    @Test
    void movableObjectsFollowTheirPoses() {
        WorldMap world = world(List.of(), object("ball", Shape.BOX, "red", 2, 0, 0.5, true));
        SceneHandle h = service.upload(world, RenderStyle.plain());
        try {
            double left = stats(service.renderNow(h, CAMERA, START, List.of(new Pose2D(2, 0.8, 0)), 0), Scenes::isRed)[1];
            double right = stats(service.renderNow(h, CAMERA, START, List.of(new Pose2D(2, -0.8, 0)), 0), Scenes::isRed)[1];
            assertTrue(left < W / 2.0 && right > W / 2.0, "left " + left + ", right " + right);
            assertThrows(IllegalArgumentException.class, () -> service.renderNow(h, CAMERA, START, List.of(), 0));
        } finally {
            service.release(h);
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() {
        WorldMap world = fixedScene();
        byte[] a = render(world, RenderStyle.plain(), START, CAMERA, fixedMovables());
        byte[] b = render(world, RenderStyle.plain(), START, CAMERA, fixedMovables());
        assertArrayEquals(a, b);
        DomainRandomization dr = DomainRandomization.defaults();
        // Force the camera effects on so that they are covered too.
        DomainRandomization noisy = new DomainRandomization(dr.minLightElevation(), dr.maxLightElevation(),
                dr.minAmbient(), dr.maxAmbient(), dr.minDiffuse(), dr.maxDiffuse(), dr.wallColourJitter(),
                dr.floorColourJitter(), dr.skyColourJitter(), 0.2, 6, 1.0);
        RenderStyle s42 = RenderStyle.randomized(42, noisy);
        assertEquals(s42, RenderStyle.randomized(42, noisy));
        assertTrue(s42.blur() && s42.pixelNoiseStd() > 0 && s42.textureNoise() > 0, s42.toString());
        byte[] r1 = render(world, s42, START, CAMERA, fixedMovables());
        byte[] r2 = render(world, RenderStyle.randomized(42, noisy), START, CAMERA, fixedMovables());
        assertArrayEquals(r1, r2);
        byte[] r3 = render(world, RenderStyle.randomized(43, noisy), START, CAMERA, fixedMovables());
        assertFalse(Arrays.equals(r1, r3));
        assertFalse(Arrays.equals(a, r1));
        // The frame seed changes only the pixel noise.
        SceneHandle h = service.upload(world, s42);
        try {
            byte[] f0 = service.renderNow(h, CAMERA, START, fixedMovables(), 0);
            byte[] f1 = service.renderNow(h, CAMERA, START, fixedMovables(), 1);
            assertArrayEquals(r1, f0);
            assertFalse(Arrays.equals(f0, f1));
        } finally {
            service.release(h);
        }
    }

    @Test
    void referencePathRendersTheSameBytes() {
        byte[] instanced = render(fixedScene(), RenderStyle.plain(), START, CAMERA, fixedMovables());
        try (RenderService ref = RenderService.headless(RenderPath.REFERENCE)) {
            SceneHandle h = ref.upload(fixedScene(), RenderStyle.plain());
            byte[] reference = ref.renderNow(h, CAMERA, START, fixedMovables(), 0);
            // llvmpipe compiles a uniform and a vertex attribute differently (constant folding),
            // so shading can differ by a rounding step; geometry and visibility may not.
            int differing = 0, maxDiff = 0;
            for (int i = 0; i < instanced.length; i++) {
                int d = Math.abs((instanced[i] & 255) - (reference[i] & 255));
                if (d > 0) differing++;
                maxDiff = Math.max(maxDiff, d);
            }
            assertTrue(maxDiff <= 2, "max channel difference " + maxDiff);
            assertTrue(differing < instanced.length / 50, differing + " channels differ");
        }
    }

    @Test
    void imagesAreTopRowFirst() {
        // Pitched down 0.5 rad: the top row still sees above the horizon (sky), the bottom
        // rows see the floor. A missing or double flip swaps them.
        CameraSpec down = new CameraSpec(0, 0, 0.3, 0.5, 10, W, H, Math.toRadians(90));
        byte[] rgb = render(world(List.of()), RenderStyle.plain(), START, down, List.of());
        int sky = RenderStyle.SKY_RGB;
        int skyTop = 0, skyBottom = 0;
        for (int u = 0; u < W; u++) {
            if (pixel(rgb, u, 0) == sky) skyTop++;
            if (pixel(rgb, u, H - 1) == sky) skyBottom++;
        }
        assertEquals(W, skyTop, "top row is sky");
        assertEquals(0, skyBottom, "bottom row is floor");
        int floor = pixel(rgb, W / 2, H - 1);
        assertTrue(Math.abs(((floor >> 16) & 255) - ((floor >> 8) & 255)) < 20, "grey floor: " + Integer.toHexString(floor));
    }

    @Test
    void renderSizeIsIndependentOfTheCameraSpec() {
        SceneHandle h = service.upload(fixedScene(), RenderStyle.plain());
        try {
            assertEquals(3 * 320 * 240, service.renderNow(h, CAMERA, 320, 240, START, fixedMovables(), 0).length);
        } finally {
            service.release(h);
        }
        assertThrows(IllegalStateException.class, () -> service.renderNow(h, CAMERA, START, fixedMovables(), 0));
    }

    @Test
    void sharedServiceIsOnePerProcess() {
        RenderService a = RenderService.shared();
        assertSame(a, RenderService.shared());
        SceneHandle h = a.upload(redBoxAhead(), RenderStyle.plain());
        assertTrue(stats(a.renderNow(h, CAMERA, START, List.of(), 0), Scenes::isRed)[0] > 50);
        a.release(h);
        assertThrows(IllegalArgumentException.class, () -> service.release(h), "handle of another service");
    }

    @Test
    void cameraNoiseHasTheStyleStdAndBlurKeepsFlatImages() {
        RenderStyle s = new RenderStyle(9, 0, 0, 1, 0.75, 0.35, 0, 0, 0, 0, 5, true);
        byte[] flat = new byte[3 * W * H];
        Arrays.fill(flat, (byte) 128);
        new CameraEffects().apply(flat, W, H, new RenderStyle(9, 0, 0, 1, 0.75, 0.35, 0, 0, 0, 0, 0, true), 3);
        for (byte b : flat) assertEquals(128, b & 255);
        new CameraEffects().apply(flat, W, H, s, 3);
        double sum = 0, sq = 0;
        for (byte b : flat) { sum += (b & 255) - 128; sq += Math.pow((b & 255) - 128, 2); }
        double mean = sum / flat.length, std = Math.sqrt(sq / flat.length - mean * mean);
        assertEquals(0, mean, 0.2);
        assertEquals(5, std, 0.3);
    }

    static int pixel(byte[] rgb, int u, int v) {
        int i = 3 * (v * W + u);
        return (rgb[i] & 255) << 16 | (rgb[i + 1] & 255) << 8 | (rgb[i + 2] & 255);
    }
}
