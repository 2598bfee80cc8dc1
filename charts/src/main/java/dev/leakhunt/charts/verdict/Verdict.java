package dev.leakhunt.charts.verdict;

/** The judgement of one resource curve after warm-up, as written in {@code verdicts.json}. */
public enum Verdict {
    /** No material upward trend, and no warm-up rise worth naming. */
    FLAT("flat"),
    /** It rose (warm-up, a cache filling, a one-off step) and then stopped rising. */
    PLATEAU("plateau"),
    /** A significant, material upward slope that is not decaying by the end of the run. */
    LEAK("leak"),
    /** Too few samples after warm-up to judge. */
    INCONCLUSIVE("inconclusive");

    private final String jsonName;

    Verdict(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Verdict fromJson(String name) {
        for (Verdict v : values()) {
            if (v.jsonName.equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + name + "' (flat, plateau, leak, inconclusive)");
    }
}
