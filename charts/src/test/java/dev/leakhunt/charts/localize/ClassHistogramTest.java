package dev.leakhunt.charts.localize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** On the first rows of a histogram of the lab service (a heap walk with {@code -all}), the way JDK 25 prints it. */
class ClassHistogramTest {

    private static final String HISTOGRAM = """
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:           604        8901344  [Ljdk.internal.vm.FillerElement; (java.base@25.0.3)
               2:         58899        4692928  [B (java.base@25.0.3)
               3:         48834        1172016  java.lang.String (java.base@25.0.3)
               4:            12            192  jdk.internal.vm.FillerObject (java.base@25.0.3)
               5:             3             72  dev.leakhunt.target.leaks.QuoteMarkup$Compiled
               6:             2             48  dev.leakhunt.target.leaks.QuoteMarkup$Compiled
            Total        107754       14766080
            """;

    @Test
    void rowsAreReadByReadableNameAndTwoLoadersOfOneNameAddUp() {
        Map<String, Tally> byClass = ClassHistogram.parse(HISTOGRAM);

        assertEquals(new Tally(58_899, 4_692_928), byClass.get("byte[]"));
        assertEquals(new Tally(48_834, 1_172_016), byClass.get("java.lang.String"));
        assertEquals(new Tally(5, 120), byClass.get("dev.leakhunt.target.leaks.QuoteMarkup$Compiled"));
    }

    @Test
    void g1FillersAreDeadSpaceNotClasses() {
        Map<String, Tally> byClass = ClassHistogram.parse(HISTOGRAM);

        assertEquals(3, byClass.size(), byClass.toString());
        assertEquals(4_692_928 + 1_172_016 + 120, byClass.values().stream().mapToLong(Tally::bytes).sum());
    }
}
