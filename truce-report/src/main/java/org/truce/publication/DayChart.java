package org.truce.publication;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.truce.publication.DailyReport.DayBar;

/**
 * The bar chart of possible violations over the last 30 days, stacked by party, drawn with Java2D.
 * Day labels are numbers (day of month), so the picture is the same in every language.
 */
final class DayChart {

    static final int WIDTH_PX = 900;
    static final int HEIGHT_PX = 300;
    /** Party colours in the chart's party order; the last one is for "no party named". */
    static final List<Color> PALETTE = List.of(new Color(0xB0, 0x2A, 0x1E), new Color(0x1F, 0x4E, 0x9A),
            new Color(0x2E, 0x8B, 0x57), new Color(0x8E, 0x44, 0xAD), new Color(0xA0, 0xA0, 0xA0));

    private static final int LEFT_PX = 50;
    private static final int RIGHT_PX = 15;
    private static final int TOP_PX = 15;
    private static final int BOTTOM_PX = 35;

    private DayChart() {
    }

    static Color colourOf(int partyIndex, int parties) {
        if (partyIndex == parties - 1) {
            return PALETTE.get(PALETTE.size() - 1);
        }
        return PALETTE.get(Math.min(partyIndex, PALETTE.size() - 2));
    }

    static byte[] png(List<DayBar> bars) {
        BufferedImage image = Png.canvas(WIDTH_PX, HEIGHT_PX);
        Graphics2D g = Png.graphics(image, 11f);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH_PX, HEIGHT_PX);
        long max = Math.max(1, bars.stream().mapToLong(DayBar::total).max().orElse(1));
        long step = niceStep(max);
        long top = ((max + step - 1) / step) * step;
        double plotW = WIDTH_PX - LEFT_PX - RIGHT_PX;
        double plotH = HEIGHT_PX - TOP_PX - BOTTOM_PX;
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (long v = 0; v <= top; v += step) {
            double y = TOP_PX + plotH - plotH * v / top;
            g.setColor(new Color(0xE0, 0xE0, 0xE0));
            g.draw(new Line2D.Double(LEFT_PX, y, WIDTH_PX - RIGHT_PX, y));
            g.setColor(Color.DARK_GRAY);
            String label = Long.toString(v);
            g.drawString(label, LEFT_PX - 6 - fm.stringWidth(label), (float) (y + fm.getAscent() / 2.5));
        }
        double slot = plotW / Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            DayBar bar = bars.get(i);
            double x = LEFT_PX + i * slot + slot * 0.15;
            double base = TOP_PX + plotH;
            for (int p = 0; p < bar.byParty().size(); p++) {
                long n = bar.byParty().get(p);
                if (n > 0) {
                    double h = plotH * n / top;
                    g.setColor(colourOf(p, bar.byParty().size()));
                    g.fill(new Rectangle2D.Double(x, base - h, slot * 0.7, h));
                    base -= h;
                }
            }
            g.setColor(Color.DARK_GRAY);
            String day = Integer.toString(bar.day().getDayOfMonth());
            g.drawString(day, (float) (x + slot * 0.35 - fm.stringWidth(day) / 2.0), TOP_PX + (float) plotH + 16);
        }
        g.setColor(Color.DARK_GRAY);
        g.draw(new Line2D.Double(LEFT_PX, TOP_PX + plotH, WIDTH_PX - RIGHT_PX, TOP_PX + plotH));
        g.dispose();
        return Png.bytes(image);
    }

    /** 1, 2 or 5 times a power of ten, giving at most about five grid lines. */
    private static long niceStep(long max) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (max / (step * m) <= 5) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }
}
