package dev.leakhunt.sampler.jmx;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.leakhunt.sampler.Warnings;
import dev.leakhunt.sampler.jfr.TargetEventStream;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Starts a G1 concurrent marking cycle in the target every period, so that the heap used after GC falls back to
 * what is live. Without marking, G1's old generation keeps every promoted object, dead or not, until the heap
 * reaches the initiating occupancy (45 % of a max heap that defaults to a quarter of the RAM): a clean service's
 * after-GC heap then climbs for hours (the lab control, 6 GB default heap: +31 MB/h over 10 minutes) and
 * garbage reads as a leak. Marking also unloads dead classes, so metaspace tells the same truth.
 *
 * <p>No code of ours runs in the target: {@code G1PeriodicGCInterval} is a manageable flag. Set to
 * {@value #QUIET_BEFORE_START_MS} ms, G1's service thread (which polls it every second while it is 0, then every
 * interval) starts a concurrent cycle ({@code G1PeriodicGCInvokesConcurrent}, on by default) once that long has
 * passed without a collection. The flag gets back the value it had as soon as the target's young collection count
 * moves, polled every {@link #POLL}: while it is set, G1 starts a new cycle each time the last one has ended, and
 * the JFR stream, a second late, is too slow to stop it (a first version waited for it: 97 cycles per request on
 * an idle heap). The JFR {@code jdk.GarbageCollection} event of cause {@value #PERIODIC_CAUSE} then tells whether the
 * collection that moved the count was the cycle's; an ordinary young collection that came first makes it try
 * again, until {@link #WAIT}. A target on another collector, or whose periodic GC is a full GC, is left alone.
 * The cost in the target: one concurrent-start young pause, the Remark and Cleanup pauses (a few ms on the lab's
 * heap), the marking threads' CPU, and the mixed collections that follow.
 */
public final class MarkingCycles implements AutoCloseable {
    static final String PERIODIC_CAUSE = "G1 Periodic Collection";
    private static final String GC_EVENT = "jdk.GarbageCollection";
    /** The concurrent-start pause; the cycle's own event, named G1Old, comes seconds later with the same cause. */
    private static final String YOUNG_COLLECTION = "G1New";
    private static final String INTERVAL_FLAG = "G1PeriodicGCInterval";
    /**
     * Short enough to find a gap between a loaded service's young collections, long enough that the flag is back
     * before the cycle it started could be followed by another.
     */
    static final long QUIET_BEFORE_START_MS = 100;
    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration CLOCKS_APART = Duration.ofMillis(100);
    /** G1 polls the flag once a second while it is 0; the cycle's JFR event comes about a second after it. */
    private static final Duration CONFIRM = Duration.ofSeconds(3);
    /** For one request, all attempts included; a cycle already running makes G1 skip. */
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final HotSpotDiagnosticMXBean flags;
    private final GarbageCollectorMXBean young;
    private final String intervalBefore;
    private final Warnings warnings;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sampler-marking");
        thread.setDaemon(true);
        return thread;
    });
    /** Guards {@link #lastCycleStart}, apart from the requests' lock, which is held while polling. */
    private final Object cycleStarts = new Object();
    private Instant lastCycleStart = Instant.MIN;

    private MarkingCycles(HotSpotDiagnosticMXBean flags, GarbageCollectorMXBean young, String intervalBefore,
            Warnings warnings) {
        this.flags = flags;
        this.young = young;
        this.intervalBefore = intervalBefore;
        this.warnings = warnings;
    }

    /**
     * Starts a cycle every {@code period} from now on, or returns empty when the target ({@code collectors}) does
     * not run G1 with concurrent periodic collections. The cycles' starts are seen on {@code events}.
     */
    public static Optional<MarkingCycles> start(TargetJvm jvm, TargetCollectors collectors, TargetEventStream events,
            Duration period, Warnings warnings) throws IOException {
        if (collectors.g1().isEmpty()) {
            return Optional.empty();
        }
        HotSpotDiagnosticMXBean flags = jvm.platformBean(HotSpotDiagnosticMXBean.class);
        if (!Boolean.parseBoolean(flags.getVMOption("G1PeriodicGCInvokesConcurrent").getValue())) {
            return Optional.empty();
        }
        GarbageCollectorMXBean young = jvm.platformBeans(GarbageCollectorMXBean.class).stream()
                .filter(gc -> gc.getName().equals(TargetCollectors.G1_YOUNG)).findFirst().orElseThrow();
        var cycles = new MarkingCycles(flags, young, flags.getVMOption(INTERVAL_FLAG).getValue(), warnings);
        events.subscribe(GC_EVENT, cycles::onCollection);
        cycles.schedule.scheduleWithFixedDelay(cycles::startOne, period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
        return Optional.of(cycles);
    }

    /**
     * Starts a cycle now and waits for its concurrent-start pause, a young collection: true once it has ended (the
     * young generation is then empty, which is when a heap walk pauses the target least), false when none came
     * within {@link #WAIT} (a cycle was already running). The flag has its value back either way.
     */
    public synchronized boolean collectNow() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            // the JFR event's time and ours come from two clocks' readings of the same wall time
            Instant requested = Instant.now().minus(CLOCKS_APART);
            long collectionsBefore = young.getCollectionCount();
            flags.setVMOption(INTERVAL_FLAG, Long.toString(QUIET_BEFORE_START_MS));
            try {
                while (young.getCollectionCount() == collectionsBefore && System.nanoTime() < deadline) {
                    Thread.sleep(POLL);
                }
            } finally {
                restore();
            }
            if (awaitCycleStartedSince(requested, Math.min(deadline, System.nanoTime() + CONFIRM.toNanos()))) {
                return true;
            }
        }
        return false;
    }

    private boolean awaitCycleStartedSince(Instant requested, long deadlineNanos) throws InterruptedException {
        synchronized (cycleStarts) {
            long leftMs;
            while (lastCycleStart.isBefore(requested)
                    && (leftMs = (deadlineNanos - System.nanoTime()) / 1_000_000) > 0) {
                cycleStarts.wait(leftMs);
            }
            return !lastCycleStart.isBefore(requested);
        }
    }

    private void startOne() {
        long tsMs = System.currentTimeMillis();
        try {
            collectNow();
            warnings.succeeded("marking");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            warnings.failed("marking", tsMs, e);
        }
    }

    private void onCollection(RecordedEvent collection) {
        if (PERIODIC_CAUSE.equals(collection.getString("cause"))
                && YOUNG_COLLECTION.equals(collection.getString("name"))) {
            synchronized (cycleStarts) {
                lastCycleStart = collection.getStartTime();
                cycleStarts.notifyAll();
            }
        }
    }

    private synchronized void restore() throws IOException {
        flags.setVMOption(INTERVAL_FLAG, intervalBefore);
    }

    /** Stops the schedule and gives the flag back its value: the target is left as it was found. */
    @Override
    public void close() throws IOException {
        schedule.shutdownNow();
        try {
            schedule.awaitTermination(WAIT.toSeconds() + 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the flag is still restored below
        }
        restore();
    }
}
