package dev.leakhunt.simulations.gate;

import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/** The gate's one line per soak: verdict, slope, time to detect, the named site — or why it failed. */
final class GateLine {
    private GateLine() {
    }

    static String of(CaseResult result, Duration took) {
        GateCase gateCase = result.gateCase();
        String head = String.format(Locale.ROOT, "%s %-6s seed %d  %-15s", result.passed() ? "PASS" : "FAIL",
                gateCase.leak().name(), result.seed(), result.outcome());
        String body;
        if (gateCase.isControl()) {
            body = result.leaksCalled().isEmpty() ? "no leak on any series; " + GateCase.watchedSeries().stream()
                    .map(series -> series + " " + result.verdicts().getOrDefault(series, "missing"))
                    .collect(Collectors.joining(", ")) : "";
        } else {
            body = gateCase.leakingSeries().stream().filter(result.leaksCalled()::containsKey)
                    .map(series -> series + " leak " + result.leaksCalled().get(series))
                    .collect(Collectors.joining(", "));
            body += result.detection().map(d -> "; first leak " + minutes(Duration.ofMillis(d.firstLeakMs()))
                    + ", confirmed " + minutes(Duration.ofMillis(d.confirmedMs())) + " after the load start").orElse("");
            body += result.sites().stream().filter(site -> site.startsWith(gateCase.plantedMethod() + "("))
                    .findFirst().map(site -> "; at " + withoutPackage(site))
                    .orElse("");
        }
        String failures = result.failures().isEmpty() ? "" : (body.isEmpty() ? "" : "; ") + String.join("; ", result.failures());
        return head + "  " + body + failures + "  [" + minutes(took) + ", " + result.run() + "]";
    }

    /** {@code pkg.Class.method(File.java:1)} as {@code Class.method(File.java:1)}. */
    private static String withoutPackage(String site) {
        int methodDot = site.lastIndexOf('.', site.indexOf('('));
        return site.substring(site.lastIndexOf('.', methodDot - 1) + 1);
    }

    static String minutes(Duration duration) {
        return String.format(Locale.ROOT, "%dm%02ds", duration.toMinutes(), duration.toSecondsPart());
    }
}
