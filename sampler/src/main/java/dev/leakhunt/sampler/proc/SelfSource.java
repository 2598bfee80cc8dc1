package dev.leakhunt.sampler.proc;

import dev.leakhunt.sampler.Column;
import dev.leakhunt.sampler.Sample;
import dev.leakhunt.sampler.Source;
import java.io.IOException;

/** The instrument watching itself: the sampler's own CPU and RSS from {@code /proc/self}. */
public final class SelfSource implements Source {
    private final ProcFs proc;

    public SelfSource(ProcFs proc) {
        this.proc = proc;
    }

    @Override
    public String name() {
        return "self";
    }

    @Override
    public void sampleInto(Sample sample) throws IOException {
        sample.set(Column.SAMPLER_CPU_SECONDS, ProcStat.parse(proc.read("self", "stat")).cpuSeconds());
        ProcStatus.parse(proc.read("self", "status")).rssBytes().ifPresent(v -> sample.set(Column.SAMPLER_RSS_BYTES, v));
    }
}
