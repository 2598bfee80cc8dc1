package dev.leakhunt.charts.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An SVG file's root element, for inlining into a page that must not depend on other files. */
final class InlineSvg {

    private InlineSvg() {
    }

    static String of(Path svgFile) {
        try {
            String svg = Files.readString(svgFile);
            return svg.substring(svg.indexOf("<svg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
