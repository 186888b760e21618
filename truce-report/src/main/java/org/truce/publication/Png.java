package org.truce.publication;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Pictures drawn for a publication: an RGB canvas with fixed rendering hints and the bundled
 * font, written as PNG. ImageIO's PNG writer adds no time chunk, so the same drawing gives the
 * same bytes.
 */
final class Png {

    static final String FONT_REGULAR = "DejaVuSans.ttf";
    static final String FONT_BOLD = "DejaVuSans-Bold.ttf";

    private static final Font FONT = loadFont(FONT_REGULAR);

    private Png() {
    }

    static BufferedImage canvas(int width_px, int height_px) {
        return new BufferedImage(width_px, height_px, BufferedImage.TYPE_INT_RGB);
    }

    /** A graphics context with the same hints everywhere: no dependence on the machine's defaults. */
    static Graphics2D graphics(BufferedImage image, float fontSize_pt) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setFont(FONT.deriveFont(fontSize_pt));
        return g;
    }

    static byte[] bytes(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static InputStream resource(String name) {
        InputStream in = Png.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }

    private static Font loadFont(String name) {
        try (InputStream in = resource(name)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font " + name + " is unreadable", e);
        }
    }
}
