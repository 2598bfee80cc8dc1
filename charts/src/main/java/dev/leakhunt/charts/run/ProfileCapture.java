package dev.leakhunt.charts.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** One complete {@code profiles/<ts_ms>/} folder (formats.md). */
public record ProfileCapture(long tsMs, Path dir) {

    public static final String DONE_MARKER = "done";

    public Path file(String name) {
        return dir.resolve(name);
    }

    public boolean has(String name) {
        return Files.isRegularFile(dir.resolve(name));
    }

    /**
     * The captures under {@code profilesDir}, oldest first. A folder without its {@code done} marker is a
     * capture still being written (or one interrupted by a kill) and is left out.
     */
    public static List<ProfileCapture> list(Path profilesDir) throws IOException {
        if (!Files.isDirectory(profilesDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(profilesDir)) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d+"))
                    .filter(d -> Files.isRegularFile(d.resolve(DONE_MARKER)))
                    .map(d -> new ProfileCapture(Long.parseLong(d.getFileName().toString()), d))
                    .sorted(Comparator.comparingLong(ProfileCapture::tsMs))
                    .toList();
        }
    }
}
