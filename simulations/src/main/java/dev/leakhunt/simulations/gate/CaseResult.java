package dev.leakhunt.simulations.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one gate soak showed, read from its run folder ({@code verdicts.json}, {@code events.jsonl},
 * {@code manifest.json}; formats in src/docs/formats.md), and whether it met its {@link GateCase}.
 *
 * @param verdicts        every series' verdict word ({@code flat}, {@code plateau}, {@code leak}, {@code inconclusive})
 * @param leaksCalled     every series judged {@code leak}, with its slope
 * @param detection       for a planted leak whose series the live verdict all confirmed: when, from the load start
 * @param failures        why the case fails the gate; empty when it passes
 */
record CaseResult(GateCase gateCase, long seed, Path run, String outcome, Map<String, String> verdicts,
                  Map<String, String> leaksCalled,
                  List<String> sites, Optional<Detection> detection, List<String> failures) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param firstLeakMs  when the verdict first became (and stayed) {@code leak}, the last of the case's series
     * @param confirmedMs  when the live verdict confirmed it: the time to detect of a soak with STOP_ON_LEAK
     */
    record Detection(long firstLeakMs, long confirmedMs) {
    }

    boolean passed() {
        return failures.isEmpty();
    }

    /** A planted leak found on all its series (the control never is). */
    boolean detected() {
        return !gateCase.isControl() && gateCase.leakingSeries().stream().allMatch(leaksCalled::containsKey);
    }

    /** For a planted leak's soak, whether the report named the planted method. */
    boolean localized() {
        return sites.stream().anyMatch(site -> site.startsWith(gateCase.plantedMethod() + "("));
    }

    /** Whether this soak called a leak on any of {@code series} — on the control, a false alarm for that class. */
    boolean calledLeakOnAny(List<String> series) {
        return series.stream().anyMatch(leaksCalled::containsKey);
    }

    /** The series of the target judged {@code leak}: what a control must not have (the sampler's own aside). */
    List<String> targetLeaks() {
        return leaksCalled.keySet().stream().filter(series -> !GateCase.isInstrument(series)).toList();
    }

    static CaseResult read(GateCase gateCase, long seed, Path run) throws IOException {
        String outcome = JSON.readTree(run.resolve("manifest.json").toFile()).path("outcome").asText("unknown");
        Path verdictsFile = run.resolve("verdicts.json");
        if (!Files.isRegularFile(verdictsFile)) {
            return new CaseResult(gateCase, seed, run, outcome, Map.of(), Map.of(), List.of(), Optional.empty(),
                    List.of("no verdicts.json (the soak ended " + outcome + "; see " + run.resolve("logs") + ")"));
        }
        JsonNode verdicts = JSON.readTree(verdictsFile.toFile());
        Map<String, String> verdictWords = new LinkedHashMap<>();
        Map<String, String> leaksCalled = new LinkedHashMap<>();
        verdicts.path("series").properties().forEach(entry -> {
            verdictWords.put(entry.getKey(), entry.getValue().path("verdict").asText());
            if ("leak".equals(entry.getValue().path("verdict").asText())) {
                leaksCalled.put(entry.getKey(), slope(entry.getValue()));
            }
        });
        List<String> sites = new ArrayList<>();
        for (JsonNode leak : verdicts.path("leaks")) {
            if (gateCase.leakingSeries().contains(leak.path("series").asText())) {
                leak.path("sites").forEach(site -> {
                    if (!sites.contains(site.asText())) {
                        sites.add(site.asText());
                    }
                });
            }
        }
        List<String> failures = new ArrayList<>();
        if (gateCase.isControl()) {
            leaksCalled.forEach((series, slope) -> {
                if (!GateCase.isInstrument(series)) {
                    failures.add("the control leaks on " + series + " (" + slope + ")");
                }
            });
            for (String series : GateCase.watchedSeries()) {
                JsonNode verdict = verdicts.path("series").path(series);
                if (!verdict.path("verdict").asText("missing").matches("flat|plateau|leak")) {
                    failures.add("the control's " + series + " is " + verdict.path("verdict").asText("missing")
                            + " (" + verdict.path("reason").asText("no reason given") + "): it proves nothing");
                }
            }
        } else {
            for (String series : gateCase.leakingSeries()) {
                if (!leaksCalled.containsKey(series)) {
                    JsonNode verdict = verdicts.path("series").path(series);
                    failures.add(series + " is " + verdict.path("verdict").asText("missing") + ", not leak ("
                            + verdict.path("reason").asText("no reason given") + ")");
                }
            }
        }
        CaseResult partial = new CaseResult(gateCase, seed, run, outcome, verdictWords, leaksCalled, List.copyOf(sites),
                Optional.empty(), failures);
        if (!gateCase.isControl() && !partial.localized()) {
            failures.add("the localization does not name " + gateCase.plantedMethod() + " (sites: "
                    + (sites.isEmpty() ? "none" : String.join(", ", sites)) + ")");
        }
        return new CaseResult(gateCase, seed, run, outcome, verdictWords, leaksCalled, List.copyOf(sites),
                gateCase.isControl() ? Optional.empty() : detection(gateCase, run), List.copyOf(failures));
    }

    /** From {@code load_start} to the {@code leak_confirmed} events of the case's series, when all were confirmed. */
    private static Optional<Detection> detection(GateCase gateCase, Path run) throws IOException {
        Path events = run.resolve("events.jsonl");
        if (!Files.isRegularFile(events)) {
            return Optional.empty();
        }
        long loadStartMs = -1;
        Map<String, Long> confirmedMs = new LinkedHashMap<>();
        Map<String, Long> sinceMs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(events)) {
            JsonNode event;
            try {
                event = JSON.readTree(line);
            } catch (IOException e) {
                continue; // a line cut short by a killed writer
            }
            String type = event.path("type").asText();
            if (type.equals("load_start") && loadStartMs < 0) {
                loadStartMs = event.path("ts_ms").asLong();
            } else if (type.equals("leak_confirmed")) {
                confirmedMs.putIfAbsent(event.path("series").asText(), event.path("ts_ms").asLong());
                sinceMs.putIfAbsent(event.path("series").asText(), event.path("since_ms").asLong());
            }
        }
        if (loadStartMs < 0 || !confirmedMs.keySet().containsAll(gateCase.leakingSeries())) {
            return Optional.empty();
        }
        long start = loadStartMs;
        return Optional.of(new Detection(
                gateCase.leakingSeries().stream().mapToLong(sinceMs::get).max().orElseThrow() - start,
                gateCase.leakingSeries().stream().mapToLong(confirmedMs::get).max().orElseThrow() - start));
    }

    private static String slope(JsonNode verdict) {
        double perHour = verdict.path("slope_per_hour").asDouble(Double.NaN);
        String unit = verdict.path("unit").asText("");
        return unit.equals("bytes") ? String.format(Locale.ROOT, "%+.1f MB/h", perHour / 1e6)
                : String.format(Locale.ROOT, "%+.0f %s/h", perHour, unit.equals("count") ? "" : unit).replace(" /h", "/h");
    }
}
