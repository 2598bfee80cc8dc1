package dev.leakhunt.charts.run;

import com.fasterxml.jackson.databind.JsonNode;

/** One line of {@code events.jsonl}: its time, its type, and the whole object for type-specific fields. */
public record RunEvent(long tsMs, String type, JsonNode fields) {

    public static final String TARGET_EXIT = "target_exit";
    public static final String TARGET_START = "target_start";
    public static final String LOAD_START = "load_start";
    public static final String LOAD_END = "load_end";
    public static final String SAMPLER_START = "sampler_start";
    /** The sampler attached to the target JVM: its collectors (formats.md). */
    public static final String TARGET_JVM = "target_jvm";
    /** The supervisor assembled the JFR chunks a target left by dying without exiting (formats.md). */
    public static final String JFR_ASSEMBLED = "jfr_assembled";
    /** Written by {@code charts watch} when the live verdict confirms a series' leak (formats.md). */
    public static final String LEAK_CONFIRMED = "leak_confirmed";

    /** A restart, as opposed to the first start of the target (formats.md: {@code restart} 0 is the first). */
    public boolean isRestart() {
        return TARGET_START.equals(type) && fields.path("restart").asInt(0) > 0;
    }

    public String text(String field) {
        return fields.path(field).asText("");
    }
}
