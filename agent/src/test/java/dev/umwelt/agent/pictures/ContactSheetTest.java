package dev.umwelt.agent.pictures;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.scenarios.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ContactSheetTest {
    private final Scenario room = PictureWorlds.room();
    private final List<Pose2D> path = List.of(new Pose2D(0.6, 0.6, 0), new Pose2D(3.2, 3.2, 0.8));

    @Test
    void oneTilePerEpisodeFramedBySuccess(@TempDir Path dir) throws Exception {
        boolean[] success = {true, false, true, true, false};
        List<ContactSheet.Tile> tiles = new ArrayList<>();
        for (boolean s : success) tiles.add(new ContactSheet.Tile(room, path, List.of(), s, null));
        ContactSheet.Sheet sheet = ContactSheet.write(dir.resolve(ContactSheet.FILE), "test", tiles);
        BufferedImage png = ImageIO.read(dir.resolve(ContactSheet.FILE).toFile());
        ContactSheet.Layout layout = sheet.layout();
        assertEquals(5, sheet.shown());
        assertFalse(sheet.capped());
        assertEquals(3, layout.columns());
        assertEquals(2, layout.rows());
        assertEquals(layout.width(), png.getWidth());
        assertEquals(layout.height(), png.getHeight());
        for (int i = 0; i < success.length; i++) {
            Rectangle r = layout.tile(i);
            int want = (success[i] ? Style.SUCCESS : Style.FAILURE).getRGB() & 0xFFFFFF;
            for (int[] p : new int[][] {{r.x + 1, r.y + 1}, {r.x + r.width - 2, r.y + r.height - 2}, {r.x + 2, r.y + r.height / 2}}) {
                assertEquals(want, png.getRGB(p[0], p[1]) & 0xFFFFFF, "border of tile " + i);
            }
            // The tile's own map shows the red box inside the frame.
            int inner = ContactSheet.TILE - 2 * ContactSheet.BORDER;
            TopDownMap thumb = TopDownMap.thumbnail(room, inner, inner - ContactSheet.LABEL);
            int[] px = thumb.transform().pixelOf(PictureWorlds.RED_BOX.x(), PictureWorlds.RED_BOX.y());
            assertEquals(PictureWorlds.RED, png.getRGB(r.x + ContactSheet.BORDER + px[0], r.y + ContactSheet.BORDER + px[1]) & 0xFFFFFF);
        }
        // The sixth cell of the 3 x 2 grid is empty.
        Rectangle empty = layout.tile(5);
        assertEquals(Style.CAPTION_BAND.getRGB() & 0xFFFFFF, png.getRGB(empty.x + 1, empty.y + 1) & 0xFFFFFF);
    }

    @Test
    void capsAtOneHundredTilesAndSaysSo() {
        List<ContactSheet.Tile> tiles = Collections.nCopies(ContactSheet.MAX_TILES + 7,
                new ContactSheet.Tile(room, path, List.of(), true, null));
        ContactSheet.Sheet sheet = ContactSheet.render("capped", tiles);
        assertTrue(sheet.capped());
        assertEquals(ContactSheet.MAX_TILES, sheet.shown());
        assertEquals(ContactSheet.MAX_TILES + 7, sheet.total());
        assertEquals(ContactSheet.MAX_COLUMNS, sheet.layout().columns());
        assertEquals(10, sheet.layout().rows());
    }
}
