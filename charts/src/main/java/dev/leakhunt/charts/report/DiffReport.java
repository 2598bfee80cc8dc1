package dev.leakhunt.charts.report;

import dev.leakhunt.charts.localize.ProfileDiff;
import dev.leakhunt.charts.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** The on-demand diff of two captures ({@code make diff}): plain text, printed and kept in the run folder. */
public final class DiffReport {

    public static final String DIFFS_DIR = "diffs";

    private DiffReport() {
    }

    public static String text(RunFolder run, ProfileDiff diff) {
        long start = run.startMs().orElse(diff.from().tsMs());
        StringBuilder out = new StringBuilder()
                .append("Profile diff of ").append(run.name()).append(": ")
                .append(diff.from().tsMs()).append(" (").append(Quantities.sinceStart(diff.from().tsMs(), start))
                .append(") → ")
                .append(diff.to().tsMs()).append(" (").append(Quantities.sinceStart(diff.to().tsMs(), start))
                .append(")\n");
        out.append(TextTables.render(DiffTables.all(diff)));
        if (!diff.missing().isEmpty()) {
            out.append("\nNot compared (missing in a capture):\n")
                    .append(diff.missing().stream().map(m -> "  " + m).collect(Collectors.joining("\n")))
                    .append('\n');
        }
        return out.toString();
    }

    /** Writes the text to {@code diffs/<from>-<to>.txt} in the run folder and returns that path. */
    public static Path write(RunFolder run, ProfileDiff diff, String text) throws IOException {
        Path file = run.dir().resolve(DIFFS_DIR).resolve(diff.from().tsMs() + "-" + diff.to().tsMs() + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
