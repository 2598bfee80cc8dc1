package dev.leakhunt.charts.findings;


import dev.leakhunt.charts.localize.FdGroups;
import dev.leakhunt.charts.localize.Tally;
import dev.leakhunt.charts.report.Quantities;
import dev.leakhunt.charts.run.ProfileCapture;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fd leak against a lowered open-file limit: when the target ran out (EMFILE), what the clients saw after,
 * which sockets it held and to whom; and the fix under the same limit, whose downstream calls reuse a handful of
 * pooled connections.
 */
final class FdExhaustionFindings {
    /** A process at its limit holds a few fds fewer than it at times (one being closed as another opens). */
    private static final double AT_LIMIT = 0.99;
    /** How fds.tsv's groups name a socket's far end: the peer a client socket talks to, or the listener. */
    private static final String TO_PEER = "→ ";
    private static final String ACCEPTED = "accepted on ";

    private FdExhaustionFindings() {
    }

    static String text(List<ExperimentRun> runs) throws IOException {
        StringBuilder out = new StringBuilder("fd-exhaustion: the fd leak under a lowered open-file limit, and its fix\n");
        for (ExperimentRun run : runs) {
            long end = run.endMs() + 1;
            double limit = run.max("fd_limit", run.loadStartMs(), end).orElse(Double.NaN);
            Optional<Long> exhausted = run.firstReaching("open_fds", AT_LIMIT * limit).stream().boxed().findFirst();
            out.append(String.format("%s: open fds %s -> %s of a %s limit (%s); %s%n", run.label(),
                    Quantities.number(run.min("open_fds", run.loadStartMs(), end).orElse(Double.NaN)),
                    Quantities.number(run.max("open_fds", run.loadStartMs(), end).orElse(Double.NaN)),
                    Quantities.number(limit), run.verdictText("open_fds"),
                    exhausted.map(ms -> "at the limit from " + run.sinceLoad(ms)).orElse("never at the limit")));
            ExperimentRun.Requests afterLimit = run.requestsFrom(exhausted.orElse(run.loadStartMs()));
            ExperimentRun.Requests all = run.requestsFrom(run.loadStartMs());
            out.append(String.format("  requests: %d of %d failed (%s), first at %s; %s; \"Too many open files\" in %d"
                            + " lines of the target's log%n", all.failed(), all.all(), all.failedShare(),
                    run.firstFailedRequestMs().stream().mapToObj(run::sinceLoad).findFirst().orElse("none"),
                    exhausted.isPresent() ? afterLimit.failedShare() + " of those after the limit" : "no limit reached",
                    run.targetLogLines("Too many open files")));
            out.append(String.format("  sockets at the end: %s ESTABLISHED, %s CLOSE_WAIT (median over the run %s"
                            + " ESTABLISHED); downstream calls ≈%s%n",
                    Quantities.number(run.last("sockets_established", run.endMs()).orElse(Double.NaN)),
                    Quantities.number(run.last("sockets_close_wait", run.endMs()).orElse(Double.NaN)),
                    Quantities.number(run.median("sockets_established", run.loadStartMs(), end).orElse(Double.NaN)),
                    Quantities.number(downstreamCalls(run))));
            out.append("  at the last capture under load, ").append(socketGroups(run)).append('\n');
        }
        return out.toString();
    }

    /** Requests times the mix's downstream share: the lab mix is drawn per arrival, so the share holds to < 1 %. */
    private static double downstreamCalls(ExperimentRun run) {
        double share = run.parameter("downstream_percent").asDouble(Double.NaN) / 100;
        return Math.rint(share * run.requestsFrom(run.loadStartMs()).all());
    }

    /**
     * The sockets the target opened, by state and peer (a leak's pile up toward one peer), and how many it accepted
     * (the clients' connections), at the last capture under load.
     */
    private static String socketGroups(ExperimentRun run) throws IOException {
        List<ProfileCapture> captures = run.capturesUnderLoad();
        if (captures.isEmpty() || !captures.getLast().has("fds.tsv")) {
            return "no capture under load";
        }
        Map<FdGroups.Kind, Tally> groups = FdGroups.read(captures.getLast().file("fds.tsv"));
        String opened = groups.entrySet().stream().filter(e -> e.getKey().pointsAt().startsWith(TO_PEER))
                .sorted(Comparator.comparingLong((Map.Entry<FdGroups.Kind, Tally> e) -> e.getValue().count()).reversed())
                .map(e -> e.getValue().count() + " " + e.getKey().socketState() + " " + e.getKey().pointsAt())
                .collect(Collectors.joining("; "));
        long accepted = groups.entrySet().stream().filter(e -> e.getKey().pointsAt().startsWith(ACCEPTED))
                .mapToLong(e -> e.getValue().count()).sum();
        return String.format("sockets it opened: %s; sockets it accepted: %d (%s)", opened.isEmpty() ? "none" : opened,
                accepted, run.sinceLoad(captures.getLast().tsMs()));
    }
}
