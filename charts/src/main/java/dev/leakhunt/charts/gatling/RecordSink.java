package dev.leakhunt.charts.gatling;

import java.util.List;

/**
 * Receives the decoded records of a {@code simulation.log} in file order. Offsets are ms from
 * {@link RunHeader#startEpochMs()}, exactly as Gatling stores them. Every method but {@link #request} defaults to
 * ignoring its record, because the latency timeline needs only requests.
 */
@FunctionalInterface
public interface RecordSink {

    /** One request; its response time is {@code endOffsetMs - startOffsetMs}, as Gatling computes it. */
    void request(List<String> groups, String name, int startOffsetMs, int endOffsetMs, boolean ok, String message);

    /** A virtual user started ({@code start}) or ended; {@code scenario} indexes {@link RunHeader#scenarios()}. */
    default void user(int scenario, boolean start, int offsetMs) {
    }

    default void group(List<String> groups, int startOffsetMs, int endOffsetMs, int cumulatedResponseTimeMs,
                       boolean ok) {
    }

    /** An error outside any request (e.g. a crashed session action). */
    default void error(String message, int offsetMs) {
    }
}
