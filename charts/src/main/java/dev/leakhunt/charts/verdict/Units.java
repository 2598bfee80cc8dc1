package dev.leakhunt.charts.verdict;

final class Units {

    static final double MS_PER_HOUR = 3_600_000.0;

    private Units() {
    }
}
