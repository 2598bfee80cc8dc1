package dev.leakhunt.charts.gatling;

import dev.leakhunt.charts.run.Samples;
import dev.leakhunt.charts.run.SamplesCsv;
import dev.leakhunt.charts.verdict.RunContext;
import dev.leakhunt.charts.verdict.RunVerdicts;
import dev.leakhunt.charts.verdict.Verdicts;
import dev.leakhunt.charts.verdict.VerdictsJson;
import java.nio.file.Path;

/**
 * The part of the report this module's half owns, as one step for the bench: read {@code samples.csv} and
 * {@code gatling/simulation.log}, judge every column, check the SLO table, write {@code verdicts.json}.
 */
final class LogAndVerdictsStep {

    private LogAndVerdictsStep() {
    }

    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        Samples samples = SamplesCsv.read(run.resolve("samples.csv"));
        try (GatlingLog log = GatlingLog.follow(run.resolve("gatling").resolve("simulation.log"),
                LatencyTimeline.DEFAULT_INTERVAL_MS)) {
            GatlingLatency latency = log.poll();
            Verdicts verdicts = RunVerdicts.judge(samples, RunContext.UNKNOWN, log.timeline());
            VerdictsJson.write(run.resolve("verdicts.json"), verdicts);
            System.out.printf("log-and-verdicts: %,d requests in %,d intervals, %d series judged, %d rows%n",
                    latency.total().count(), latency.intervals().size(), verdicts.series().size(), samples.size());
        }
    }
}
