package dev.leakhunt.charts.gatling;

/**
 * How far a {@link SimulationLogReader} got, counted from the start of the file.
 *
 * @param consumedBytes  bytes up to the end of the last complete record
 * @param tailBytes      bytes after it that do not (yet) form a complete record: a run still being written, or
 *                       a killed one that ended mid-record. They are ignored, and re-read on the next call.
 */
public record ReadProgress(long requests, long users, long groups, long errors, long consumedBytes, long tailBytes) {
}
