package dev.leakhunt.charts.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Writes and reads {@code verdicts.json} (formats.md). A number that does not apply (NaN) is written as
 * {@code null}, never as 0. The file is replaced atomically so a reader never sees half of it.
 */
public final class VerdictsJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerdictsJson() {
    }

    public static void write(Path file, Verdicts verdicts) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode series = root.putObject("series");
        verdicts.series().forEach((name, v) -> {
            ObjectNode node = series.putObject(name);
            node.put("verdict", v.verdict().jsonName());
            number(node, "slope_per_hour", v.slopePerHour());
            number(node, "ci_low", v.ciLowPerHour());
            number(node, "ci_high", v.ciHighPerHour());
            node.put("unit", v.unit());
            number(node, "hours_to_limit", v.hoursToLimit());
            node.putArray("window_ms").add(v.windowStartMs()).add(v.windowEndMs());
            number(node, "level", v.level());
            number(node, "trend_p_value", v.trendPValue());
            node.put("reason", v.reason());
        });
        ArrayNode leaks = root.putArray("leaks");
        for (Leak leak : verdicts.leaks()) {
            ObjectNode node = leaks.addObject();
            node.put("series", leak.series());
            node.put("kind", leak.kind());
            ArrayNode sites = node.putArray("sites");
            leak.sites().forEach(sites::add);
            if (leak.sinceMs().isPresent()) {
                node.put("since_ms", leak.sinceMs().getAsLong());
            } else {
                node.putNull("since_ms");
            }
        }
        ArrayNode slo = root.putArray("slo");
        for (SloResult row : verdicts.slo()) {
            ObjectNode node = slo.addObject();
            node.put("name", row.name());
            if (row.pass() == null) {
                node.putNull("pass");
            } else {
                node.put("pass", row.pass());
            }
            number(node, "value", row.value());
            number(node, "limit", row.limit());
            node.put("detail", row.detail());
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(temporary.toFile(), root);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Verdicts read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        Map<String, SeriesVerdict> series = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("series").properties()) {
            JsonNode n = e.getValue();
            series.put(e.getKey(), new SeriesVerdict(Verdict.fromJson(n.path("verdict").asText()),
                    number(n, "slope_per_hour"), number(n, "ci_low"), number(n, "ci_high"), n.path("unit").asText(),
                    number(n, "hours_to_limit"), n.path("window_ms").path(0).asLong(),
                    n.path("window_ms").path(1).asLong(), number(n, "level"), number(n, "trend_p_value"),
                    n.path("reason").asText()));
        }
        List<Leak> leaks = new ArrayList<>();
        for (JsonNode n : root.path("leaks")) {
            List<String> sites = new ArrayList<>();
            n.path("sites").forEach(site -> sites.add(site.asText()));
            JsonNode since = n.path("since_ms");
            leaks.add(new Leak(n.path("series").asText(), n.path("kind").asText(), sites,
                    since.canConvertToLong() ? OptionalLong.of(since.asLong()) : OptionalLong.empty()));
        }
        List<SloResult> slo = new ArrayList<>();
        for (JsonNode n : root.path("slo")) {
            JsonNode pass = n.path("pass");
            slo.add(new SloResult(n.path("name").asText(), pass.isBoolean() ? pass.asBoolean() : null,
                    number(n, "value"), number(n, "limit"), n.path("detail").asText()));
        }
        return new Verdicts(series, leaks, slo);
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asDouble() : Double.NaN;
    }
}
