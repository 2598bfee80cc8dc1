package dev.leakhunt.sampler.jmx;

import dev.leakhunt.sampler.Column;
import dev.leakhunt.sampler.Sample;
import dev.leakhunt.sampler.Source;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Optional;

/**
 * The target's platform MXBeans, read over JMX: platform threads and their states, heap, GC count, classes,
 * metaspace, direct buffers, the JIT's compile time, and the NMT total when the target runs with Native Memory
 * Tracking.
 * <p>
 * Thread states come from {@code getThreadInfo(ids, 0)}: without stack frames HotSpot answers without a
 * safepoint, so counting states does not pause the target.
 * <p>
 * {@code gc_cycles} sums the collection counts of all collector beans except ZGC's "… Pauses" beans, which
 * count the pauses inside the cycles their "… Cycles" twins already count.
 */
public final class JmxSource implements Source {
    private final TargetJvm jvm;
    private final ThreadMXBean threads;
    private final MemoryMXBean memory;
    private final List<GarbageCollectorMXBean> collectors;
    private final ClassLoadingMXBean classes;
    private final Optional<MemoryPoolMXBean> metaspace;
    private final Optional<BufferPoolMXBean> direct;
    /** Absent on a JVM without a JIT ({@code -Xint}) or one that does not time its compilations. */
    private final Optional<CompilationMXBean> compiler;
    private final boolean nmtEnabled;

    public JmxSource(TargetJvm jvm) throws IOException {
        this.jvm = jvm;
        this.threads = jvm.platformBean(ThreadMXBean.class);
        this.memory = jvm.platformBean(MemoryMXBean.class);
        this.collectors = jvm.platformBeans(GarbageCollectorMXBean.class).stream()
                .filter(gc -> !gc.getName().endsWith(" Pauses"))
                .toList();
        this.classes = jvm.platformBean(ClassLoadingMXBean.class);
        this.metaspace = jvm.platformBeans(MemoryPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("Metaspace"))
                .findFirst();
        this.direct = jvm.platformBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .findFirst();
        this.compiler = jvm.platformBeans(CompilationMXBean.class).stream()
                .filter(CompilationMXBean::isCompilationTimeMonitoringSupported)
                .findFirst();
        this.nmtEnabled = jvm.tracksNativeMemory();
    }

    @Override
    public String name() {
        return "jmx";
    }

    @Override
    public void sampleInto(Sample sample) throws IOException {
        sampleThreads(sample);
        MemoryUsage heap = memory.getHeapMemoryUsage();
        sample.set(Column.HEAP_USED_BYTES, heap.getUsed());
        sample.set(Column.HEAP_COMMITTED_BYTES, heap.getCommitted());
        if (heap.getMax() >= 0) {
            sample.set(Column.HEAP_MAX_BYTES, heap.getMax());
        }
        long cycles = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            cycles += Math.max(0, gc.getCollectionCount());
        }
        sample.set(Column.GC_CYCLES, cycles);
        sample.set(Column.CLASSES_LOADED, classes.getLoadedClassCount());
        metaspace.ifPresent(pool -> sample.set(Column.METASPACE_USED_BYTES, pool.getUsage().getUsed()));
        compiler.ifPresent(jit -> sample.set(Column.JIT_COMPILE_SECONDS, jit.getTotalCompilationTime() / 1000.0));
        direct.ifPresent(pool -> {
            sample.set(Column.DIRECT_BUFFER_BYTES, pool.getMemoryUsed());
            sample.set(Column.DIRECT_BUFFER_COUNT, pool.getCount());
        });
        if (nmtEnabled) {
            NmtSummary.committedBytes(jvm.nativeMemorySummary())
                    .ifPresent(v -> sample.set(Column.NMT_COMMITTED_BYTES, v));
        }
    }

    private void sampleThreads(Sample sample) {
        long live = 0;
        long runnable = 0;
        long blocked = 0;
        long waiting = 0;
        long timedWaiting = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (info == null) {
                continue; // ended between the two calls
            }
            live++;
            switch (info.getThreadState()) {
                case RUNNABLE -> runnable++;
                case BLOCKED -> blocked++;
                case WAITING -> waiting++;
                case TIMED_WAITING -> timedWaiting++;
                default -> { }
            }
        }
        sample.set(Column.THREADS, live);
        sample.set(Column.THREADS_RUNNABLE, runnable);
        sample.set(Column.THREADS_BLOCKED, blocked);
        sample.set(Column.THREADS_WAITING, waiting);
        sample.set(Column.THREADS_TIMED_WAITING, timedWaiting);
        sample.set(Column.THREADS_STARTED_TOTAL, threads.getTotalStartedThreadCount());
    }
}
