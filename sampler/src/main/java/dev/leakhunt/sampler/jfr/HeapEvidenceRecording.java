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
 * When the target already runs a recording with {@code jdk.OldObjectSample} enabled and a bounded, non-zero
 * {@code cutoff} (the lab target starts one from {@code src/config/leakhunt.jfc}), that one is dumped and left
 * alone. Otherwise this class starts one — from the given .jfc file when it exists, else from
 * {@link #FALLBACK_SETTINGS} — and stops and closes it in {@link #close()}. Its data is bounded in age and size.
 * <p>
 * The cutoff is what bounds the pause of a dump with GC-root paths: {@code JFR.dump path-to-gc-roots=true}
 * overrides it with "infinity" (the whole live heap is searched, a pause that grows with it: 52–64 ms on a 512 MB
 * lab heap here, 143 ms at the end of a map leak), so a heap-walk dump passes no such option and the recording's
 * own cutoff applies: on that lab heap the pause falls to 27–33 ms whether the cutoff is 1 or 10 ms (the rest is
 * fixed work at the safepoint), and the search still reaches the roots of almost every sample. A recording with
 * the cutoff "0 ns" (JFR's default.jfc and profile.jfc) records no paths, one with "infinity" an unbounded pause:
 * neither is adopted.
 */
public final class HeapEvidenceRecording implements AutoCloseable {
    static final String NAME = "leakhunt-sampler";
    private static final String ENABLED_SETTING = "jdk.OldObjectSample#enabled";
    private static final String CUTOFF_SETTING = "jdk.OldObjectSample#cutoff";
    static final Map<String, String> FALLBACK_SETTINGS = Map.of(
            ENABLED_SETTING, "true",
            "jdk.OldObjectSample#stackTrace", "true",
            CUTOFF_SETTING, "10 ms",
            "jdk.ThreadStart#enabled", "true",
            "jdk.ThreadStart#stackTrace", "true",
            "jdk.ThreadEnd#enabled", "true");
    private static final Map<String, String> OPTIONS = Map.of(
            "name", NAME, "disk", "true", "maxAge", "24 h", "maxSize", Long.toString(256L << 20));

    private final TargetJvm jvm;
    private final FlightRecorderMXBean recorder;
    private final long recordingId;
    private final boolean ours;
    private volatile boolean stopped;

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
                .filter(r -> "true".equals(r.getSettings().get(ENABLED_SETTING)))
                .filter(r -> boundedAndPositive(r.getSettings().get(CUTOFF_SETTING)))
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

    /** JFR's cutoff syntax: "infinity", or a number and a time unit ("0 ns", "10 ms", "1 s"). */
    static boolean boundedAndPositive(String cutoff) {
        if (cutoff == null || cutoff.isBlank() || cutoff.strip().equals("infinity")) {
            return false;
        }
        String number = cutoff.strip().split("\\s+|(?<=\\d)(?=[a-z])")[0];
        try {
            return Long.parseLong(number) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** True when this sampler started the recording, false when it found the target's own. */
    public boolean ours() {
        return ours;
    }

    /**
     * Dumps the recording to a file the target writes. With {@code gcRootPaths} the JVM searches, at a
     * safepoint, the reference chain from a GC root to each old-object sample — the retention path of a leak —
     * for at most the recording's cutoff (see the class comment). Without it the samples keep their allocation
     * stacks and the pause stays under a millisecond.
     */
    public void dumpTo(Path file, boolean gcRootPaths) throws IOException {
        if (stopped) {
            throw new IOException("no dump: the sampler stopped its JFR work in the target (see the jfr_stopped event)");
        }
        String name = "name=" + recordingId;
        String filename = "filename=" + file.toAbsolutePath();
        if (gcRootPaths) {
            jvm.diagnosticCommand("jfrDump", name, filename);
        } else {
            jvm.diagnosticCommand("jfrDump", name, filename, "path-to-gc-roots=false");
        }
    }

    /**
     * No more dumps (each one rotates the recording's chunk file); the recording itself stops too when the sampler
     * started it. A recording the target runs is its owner's to stop.
     */
    public void stop() {
        stopped = true;
        close();
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
