package dev.leakhunt.target.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import javax.management.JMException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The continuous JFR recording the lab service starts at boot with {@code leakhunt.jfc} (old-object sampling
 * with paths to GC roots, thread starts with the starter's stack, exact GC pauses), bounded in age and size so
 * it can run for days; {@link #dump} writes what it holds.
 */
public final class FlightRecording implements AutoCloseable {
    public static final String SETTINGS_RESOURCE = "/leakhunt.jfc";
    static final String NAME = "leakhunt";
    static final Duration MAX_AGE = Duration.ofMinutes(30);
    static final long MAX_SIZE_BYTES = 256L * 1024 * 1024;

    private final Recording recording;

    private FlightRecording(Recording recording) {
        this.recording = recording;
    }

    public static FlightRecording start() {
        Recording recording = new Recording(settings());
        recording.setName(NAME);
        recording.setToDisk(true);
        recording.setMaxAge(MAX_AGE);
        recording.setMaxSize(MAX_SIZE_BYTES);
        recording.start();
        return new FlightRecording(recording);
    }

    /**
     * Dumps the recording under {@code dir} with paths to GC roots for the old-object samples, searched for at most
     * the cutoff of {@code leakhunt.jfc} (the option {@code path-to-gc-roots=true} would lift it); returns the file.
     */
    Path dump(Path dir) throws IOException, JMException {
        Files.createDirectories(dir);
        Path file = dir.resolve("recording-" + System.currentTimeMillis() + ".jfr").toAbsolutePath();
        HeapDiagnostics.diagnosticCommand("jfrDump", "name=" + NAME, "filename=" + file);
        return file;
    }

    private static Configuration settings() {
        try (InputStream in = FlightRecording.class.getResourceAsStream(SETTINGS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SETTINGS_RESOURCE + " is missing from the jar");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return Configuration.create(reader);
            }
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read the JFR settings " + SETTINGS_RESOURCE, e);
        }
    }

    @Override
    public void close() {
        recording.close();
    }
}
