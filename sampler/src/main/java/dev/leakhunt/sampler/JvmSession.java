package dev.leakhunt.sampler;

import dev.leakhunt.sampler.jfr.GcPauseSource;
import dev.leakhunt.sampler.jfr.HeapLiveSource;
import dev.leakhunt.sampler.jfr.HeapEvidenceRecording;
import dev.leakhunt.sampler.jfr.SafepointLog;
import dev.leakhunt.sampler.jfr.TargetEventStream;
import dev.leakhunt.sampler.jfr.TargetJfrRepository;
import dev.leakhunt.sampler.jmx.JmxSource;
import dev.leakhunt.sampler.jmx.LastGcHeap;
import dev.leakhunt.sampler.jmx.MarkingCycles;
import dev.leakhunt.sampler.jmx.TargetCollectors;
import dev.leakhunt.sampler.jmx.TargetJvm;
import dev.leakhunt.sampler.jmx.VirtualThreadSource;
import dev.leakhunt.sampler.out.EventLog;
import dev.leakhunt.sampler.out.ProfileRetention;
import dev.leakhunt.sampler.proc.FdTable;
import dev.leakhunt.sampler.proc.ProcFs;
import dev.leakhunt.sampler.profile.ProfileCapture;
import dev.leakhunt.sampler.profile.WarmupBaseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Everything the sampler holds inside the target JVM, opened together after attaching and closed together in
 * reverse order: the JMX connection, the JFR event stream, the heap-evidence
 * recording (when the sampler started it) and the marking schedule. Nothing of it outlives the sampler.
 */
final class JvmSession implements AutoCloseable {
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final List<Source> sources;
    private final ProfileCapture profileCapture;
    private final TargetEventStream events;
    private final Optional<HeapEvidenceRecording> recording;
    private final TargetCollectors collectors;

    private JvmSession(SamplerConfig config, ProcFs proc, EventLog eventLog, Warnings warnings) throws IOException {
        try {
            TargetJvm jvm = own(TargetJvm.attach(config.pid()));
            config.jfrRepository().ifPresent(base -> moveJfrRepository(jvm, base, warnings));
            Path scratch = Files.createTempDirectory("leakhunt-sampler-");
            opened.push(() -> Files.deleteIfExists(scratch));
            JmxSource jmx = new JmxSource(jvm);
            this.collectors = TargetCollectors.of(jvm);
            this.events = own(new TargetEventStream(jvm));
            HeapLiveSource heapLive = new HeapLiveSource(events, LastGcHeap.of(jvm));
            GcPauseSource gcPauses = new GcPauseSource(events);
            SafepointLog safepoints = new SafepointLog(events);
            Optional<MarkingCycles> marking = Optional.empty();
            if (!config.markEvery().isZero()) {
                try {
                    marking = MarkingCycles.start(jvm, collectors, events, config.markEvery(), warnings).map(this::own);
                } catch (IOException | RuntimeException e) {
                    warnings.failed("marking", System.currentTimeMillis(), e);
                }
            }
            events.start();
            VirtualThreadSource virtualThreads = new VirtualThreadSource(jvm, scratch, System::nanoTime);
            this.recording = heapEvidence(jvm, config, warnings);
            this.sources = List.of(jmx, heapLive, gcPauses, virtualThreads);
            this.profileCapture = new ProfileCapture(jvm, recording, heapLive, marking,
                    new FdTable(proc, config.pid()), events, safepoints,
                    eventLog, warnings, new ProfileRetention(config.keepProfiles()), config.runDir(),
                    config.histogramWithFullGc(), config.heapWalkEvery(),
                    new WarmupBaseline(config.warmup(), config.runDir(), System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private static void moveJfrRepository(TargetJvm jvm, Path base, Warnings warnings) {
        try {
            if (!TargetJfrRepository.moveTo(jvm, base)) {
                System.err.println("sampler: the target names its own JFR repository (-XX:FlightRecorderOptions); left as it is");
            }
        } catch (IOException | RuntimeException e) {
            warnings.failed("jfr-repository", System.currentTimeMillis(), e);
        }
    }

    private Optional<HeapEvidenceRecording> heapEvidence(TargetJvm jvm, SamplerConfig config, Warnings warnings) {
        try {
            return Optional.of(own(HeapEvidenceRecording.findOrStart(jvm, config.jfrSettings())));
        } catch (IOException | RuntimeException e) {
            warnings.failed("jfr-recording", System.currentTimeMillis(), e);
            return Optional.empty();
        }
    }

    /** Attaches and opens everything, or closes what was opened and fails. */
    static JvmSession open(SamplerConfig config, ProcFs proc, EventLog eventLog, Warnings warnings) throws IOException {
        return new JvmSession(config, proc, eventLog, warnings);
    }

    private <T extends AutoCloseable> T own(T resource) {
        opened.push(resource);
        return resource;
    }

    List<Source> sources() {
        return sources;
    }

    ProfileCapture profileCapture() {
        return profileCapture;
    }

    TargetCollectors collectors() {
        return collectors;
    }

    /** Ends the JFR event stream and the heap-evidence dumps (see {@link dev.leakhunt.sampler.jfr.FdHeadroom}). */
    void stopJfr() {
        events.close();
        recording.ifPresent(HeapEvidenceRecording::stop);
    }

    @Override
    public void close() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception targetGone) {
                // closing towards a dead target fails; there is nothing left to release there
            }
        }
    }
}
