package dev.leakhunt.charts.curves;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Draws a chart into JFreeSVG and writes a standalone SVG document. */
public final class SvgFile {

    private SvgFile() {
    }

    public static String render(JFreeChart chart, int widthPx, int heightPx) {
        SVGGraphics2D svg = new SVGGraphics2D(widthPx, heightPx);
        // Coordinates to a tenth of a pixel: invisible on screen, and it halves the file.
        svg.setGeomDoubleConverter(SvgFile::tenthOfPixel);
        chart.draw(svg, new Rectangle(0, 0, widthPx, heightPx));
        // The bare element, without getSVGDocument()'s DOCTYPE: SVG needs no DTD, and the same text can be
        // inlined into report.html as is.
        return svg.getSVGElement();
    }

    public static void write(JFreeChart chart, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + render(chart, CurveChart.WIDTH_PX, CurveChart.HEIGHT_PX), StandardCharsets.UTF_8);
    }

    private static String tenthOfPixel(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
    }
}
