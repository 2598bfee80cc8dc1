package dev.leakhunt.sampler.jfr;

import dev.leakhunt.sampler.jmx.TargetJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.management.JMX;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import jdk.management.jfr.FlightRecorderMXBean;
import jdk.management.jfr.RecordingInfo;

/**
 * The JFR recording in the target that each profile's {@code heap.jfr} is dumped from: old-object samples
 * (allocation site; the dump adds the path to a GC root) and thread starts with the starting stack.
 * <p>
 * When the target already runs a recording with {@code jdk.OldObjectSample} enabled (the lab target starts one
 * from {@code src/config/leakhunt.jfc}), that one is dumped and left alone. Otherwise this class starts one —
 * from the given .jfc file when it exists, else from {@link #FALLBACK_SETTINGS} — and stops and closes it in
 * {@link #close()}. Its data is bounded in age and size.
 */
public final class HeapEvidenceRecording implements AutoCloseable {
    static final String NAME = "leakhunt-sampler";
    static final Map<String, String> FALLBACK_SETTINGS = Map.of(
            "jdk.OldObjectSample#enabled", "true",
            "jdk.OldObjectSample#stackTrace", "true",
            "jdk.OldObjectSample#cutoff", "infinity",
            "jdk.ThreadStart#enabled", "true",
            "jdk.ThreadStart#stackTrace", "true",
            "jdk.ThreadEnd#enabled", "true");
    private static final Map<String, String> OPTIONS = Map.of(
            "name", NAME, "disk", "true", "maxAge", "24 h", "maxSize", Long.toString(256L << 20));

    private final TargetJvm jvm;
    private final FlightRecorderMXBean recorder;
    private final long recordingId;
    private final boolean ours;

    private HeapEvidenceRecording(TargetJvm jvm, FlightRecorderMXBean recorder, long recordingId, boolean ours) {
        this.jvm = jvm;
        this.recorder = recorder;
        this.recordingId = recordingId;
        this.ours = ours;
    }

    public static HeapEvidenceRecording findOrStart(TargetJvm jvm, Path settingsFile) throws IOException {
        FlightRecorderMXBean recorder;
        try {
            recorder = JMX.newMXBeanProxy(jvm.connection(), new ObjectName(FlightRecorderMXBean.MXBEAN_NAME),
                    FlightRecorderMXBean.class);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
        Optional<RecordingInfo> running = recorder.getRecordings().stream()
                .filter(r -> r.getState().equals("RUNNING"))
                .filter(r -> "true".equals(r.getSettings().get("jdk.OldObjectSample#enabled")))
                .findFirst();
        if (running.isPresent()) {
            return new HeapEvidenceRecording(jvm, recorder, running.get().getId(), false);
        }
        long id = recorder.newRecording();
        try {
            if (settingsFile != null && Files.isReadable(settingsFile)) {
                recorder.setConfiguration(id, Files.readString(settingsFile));
            } else {
                recorder.setRecordingSettings(id, FALLBACK_SETTINGS);
            }
            recorder.setRecordingOptions(id, OPTIONS);
            recorder.startRecording(id);
        } catch (RuntimeException e) {
            recorder.closeRecording(id);
            throw new IOException("cannot start a JFR recording in the target: " + e.getMessage(), e);
        }
        return new HeapEvidenceRecording(jvm, recorder, id, true);
    }

    /** True when this sampler started the recording, false when it found the target's own. */
    public boolean ours() {
        return ours;
    }

    /**
     * Dumps the recording to a file the target writes. With {@code gcRootPaths} the JVM searches, at a
     * safepoint, the reference chain from a GC root to every old-object sample: the retention path of a leak, at
     * a pause that grows with the live heap (tens of ms for a small service, hundreds for a large heap). Without
     * it the samples keep their allocation stacks and the pause stays at a few ms.
     */
    public void dumpTo(Path file, boolean gcRootPaths) throws IOException {
        jvm.diagnosticCommand("jfrDump", "name=" + recordingId, "filename=" + file.toAbsolutePath(),
                "path-to-gc-roots=" + gcRootPaths);
    }

    @Override
    public void close() {
        if (!ours) {
            return;
        }
        try {
            recorder.stopRecording(recordingId);
            recorder.closeRecording(recordingId);
        } catch (IOException | RuntimeException targetGone) {
            // the recording died with the target
        }
    }
}
