package dev.leakhunt.sampler.jmx;

import dev.leakhunt.sampler.Column;
import dev.leakhunt.sampler.Sample;
import dev.leakhunt.sampler.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * {@code virtual_threads}: virtual threads are invisible to ThreadMXBean, so they are counted in the JSON
 * thread dump the target writes on request ({@code Thread.dump_to_file -format=json}, which visits threads one
 * by one, without a global safepoint). A dump costs the target time in proportion to its thread count, so the
 * next dump waits at least {@value #COST_FACTOR} times as long as the last one took (≤ 2 % of the target's
 * time); a row without a dump has an empty cell, not a stale count.
 */
public final class VirtualThreadSource implements Source {
    static final int COST_FACTOR = 50;

    private final TargetJvm jvm;
    private final Path scratchDir;
    private final LongSupplier nanoClock;
    private long nextDumpNanos;

    public VirtualThreadSource(TargetJvm jvm, Path scratchDir, LongSupplier nanoClock) {
        this.jvm = jvm;
        this.scratchDir = scratchDir;
        this.nanoClock = nanoClock;
        this.nextDumpNanos = nanoClock.getAsLong();
    }

    @Override
    public String name() {
        return "virtual-threads";
    }

    @Override
    public void sampleInto(Sample sample) throws IOException {
        long start = nanoClock.getAsLong();
        if (start - nextDumpNanos < 0) {
            return;
        }
        Files.createDirectories(scratchDir);
        Path dump = scratchDir.resolve("threads-" + sample.tsMs() + ".json").toAbsolutePath();
        try {
            jvm.diagnosticCommand("threadDumpToFile", "-format=json", dump.toString());
            nextDumpNanos = start + (nanoClock.getAsLong() - start) * COST_FACTOR;
            try (InputStream in = Files.newInputStream(dump)) {
                sample.set(Column.VIRTUAL_THREADS, ThreadDumpJson.countVirtual(in));
            }
        } finally {
            Files.deleteIfExists(dump);
        }
    }
}
