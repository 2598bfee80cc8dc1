package dev.leakhunt.charts.curves;

import dev.leakhunt.charts.run.RunEvent;
import java.util.List;
import java.util.OptionalLong;

/**
 * What happened during the run, drawn over every curve: the end of warm-up (where the verdict's evidence
 * window starts), each profile capture (what the localization diffs compare), and target deaths and restarts
 * (which explain cliffs in every curve at once).
 */
public record ChartMarks(OptionalLong warmupEndMs, List<Long> profileMs, List<RunEvent> targetEvents) {

    public static final ChartMarks NONE = new ChartMarks(OptionalLong.empty(), List.of(), List.of());

    public ChartMarks {
        profileMs = List.copyOf(profileMs);
        targetEvents = targetEvents.stream()
                .filter(e -> RunEvent.TARGET_EXIT.equals(e.type()) || e.isRestart())
                .toList();
    }

    /** Where lines must break: a value before a death or restart and one after it belong to different processes. */
    public long[] lineBreaksMs() {
        return targetEvents.stream().mapToLong(RunEvent::tsMs).sorted().toArray();
    }
}
