package dev.leakhunt.target.bench;

import dev.leakhunt.target.it.LabProcess;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code make bench-target}: the lab service's ceiling on this machine, i.e. the highest constant arrival rate
 * of the default mix (70 % reads, 20 % writes, 10 % downstream calls) it holds with p99 under the limit and
 * (almost) no errors. Starts a clean target and its downstream from the jar, steps the rate up until a step
 * fails, stops both processes by pid, and prints one row per step and the ceiling.
 */
@Command(name = "bench-target", mixinStandardHelpOptions = true,
        description = "Measure the lab service's ceiling: the highest rate held on the default mix with p99 under the limit.")
public final class CeilingBench implements Callable<Integer> {
    /** More than this fraction of failed requests fails a step, whatever the latency. */
    static final double MAX_FAILED_FRACTION = 0.001;
    private static final long SEED = 42;

    @Option(names = "--jar", required = true, description = "the target-app jar")
    private Path jar;

    @Option(names = "--rates", split = ",", defaultValue = "250,500,750,1000,1250,1500,1750,2000,2500,3000,3500,4000,5000,6000,8000",
            description = "arrival rates to try, req/s, ascending (default: ${DEFAULT-VALUE})")
    private List<Integer> rates;

    @Option(names = "--step-seconds", defaultValue = "15", description = "measured seconds per rate (default: ${DEFAULT-VALUE})")
    private int stepSeconds;

    @Option(names = "--warm-up-seconds", defaultValue = "20",
            description = "seconds at the first rate before measuring, for the JIT and the pools (default: ${DEFAULT-VALUE})")
    private int warmUpSeconds;

    @Option(names = "--p99-limit-ms", defaultValue = "50", description = "(default: ${DEFAULT-VALUE})")
    private double p99LimitMs;

    @Option(names = "--attempts", defaultValue = "2",
            description = "tries per rate before it counts as missed; the machine may be shared (default: ${DEFAULT-VALUE})")
    private int attempts;

    @Option(names = "--soak-rate", defaultValue = "200",
            description = "the soak's default rate, reported as a share of the ceiling (default: ${DEFAULT-VALUE})")
    private int soakRate;

    @Option(names = "--log-dir", defaultValue = "target/bench-logs", description = "stderr of the two processes (default: ${DEFAULT-VALUE})")
    private Path logDir;

    /** Runs {@code rate} up to {@link #attempts} times, printing each try; true at the first try that holds. */
    private boolean holdsWithin(HttpClient http, RequestMix mix, int rate) throws InterruptedException {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            OpenLoadStep.Result step = OpenLoadStep.run(http, mix, rate, Duration.ofSeconds(stepSeconds));
            boolean holds = step.holds(p99LimitMs, MAX_FAILED_FRACTION);
            System.out.printf(Locale.ROOT, "%10d  %9d  %6d  %6.1f  %6.1f  %s%n", rate, step.completed(), step.failed(),
                    step.p50Ms(), step.p99Ms(), holds ? "yes" : "no");
            if (holds) {
                return true;
            }
        }
        return false;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CeilingBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try (LabProcess downstream = LabProcess.start(jar, logDir.resolve("downstream.log"), "--role=downstream", "--port=0");
             LabProcess target = LabProcess.start(jar, logDir.resolve("target.log"), "--role=target", "--leak=none",
                     "--port=0", "--admin-port=0", "--downstream=http://127.0.0.1:" + downstream.port());
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            System.out.printf("target pid %d, downstream pid %d; %d s warm-up at %d req/s%n",
                    target.pid(), downstream.pid(), warmUpSeconds, rates.getFirst());
            RequestMix mix = new RequestMix(target.port(), SEED);
            OpenLoadStep.run(http, mix, rates.getFirst(), Duration.ofSeconds(warmUpSeconds));
            System.out.println("rate_per_s  completed  failed  p50_ms  p99_ms  holds");
            int ceiling = 0;
            for (int rate : rates) {
                if (!holdsWithin(http, mix, rate)) {
                    break;
                }
                ceiling = rate;
            }
            if (ceiling == 0) {
                System.out.printf("no ceiling: even %d req/s missed p99 < %.0f ms%n", rates.getFirst(), p99LimitMs);
                return 1;
            }
            boolean everyRateHeld = ceiling == rates.getLast();
            System.out.printf(Locale.ROOT, "ceiling: %s%d req/s (p99 < %.0f ms, default mix 70/20/10)%s%n",
                    everyRateHeld ? "at least " : "", ceiling, p99LimitMs,
                    everyRateHeld ? "; every rate tried held, try higher --rates" : "");
            System.out.printf(Locale.ROOT, "default soak rate %d req/s = %.0f %% of the ceiling%n", soakRate, 100.0 * soakRate / ceiling);
            return 0;
        }
    }
}
