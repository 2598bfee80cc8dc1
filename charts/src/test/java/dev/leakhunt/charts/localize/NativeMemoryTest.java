package dev.leakhunt.charts.localize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {

    /** Four categories of what JDK 25 printed for {@code VM.native_memory summary scale=KB}, and its total. */
    private static final String SUMMARY_IN_KB = """
            Total: reserved=7723535KB, committed=462924KB

            -                 Java Heap (reserved=6172672KB, committed=393216KB)
                                        (mmap: reserved=6172672KB, committed=393216KB, at peak)

            -                    Thread (reserved=11311KB, committed=535KB)
                                        (threads #11)

            -    Native Memory Tracking (reserved=90KB, committed=90KB)
                                        (tracking overhead=86KB)

            -        Shared class space (reserved=16384KB, committed=13908KB, readonly=0KB)
            """;

    @Test
    void committedBytesPerCategoryInTheSummarysOrder() {
        Map<String, Tally> committed = NativeMemory.parse(SUMMARY_IN_KB);
        assertEquals(List.of("Java Heap", "Thread", "Native Memory Tracking", "Shared class space"),
                List.copyOf(committed.keySet()));
        assertEquals(13908L * 1024, committed.get("Shared class space").bytes());
        assertEquals(535L * 1024, committed.get("Thread").bytes());
        assertEquals(393216L * 1024, committed.get("Java Heap").bytes());
    }

    @Test
    void withoutAScaleTheFiguresAreBytes() {
        Map<String, Tally> committed = NativeMemory.parse(
                "-                      Code (reserved=253688864, committed=7781408)\n");
        assertEquals(7781408L, committed.get("Code").bytes());
    }

    @Test
    void aTargetWithoutTrackingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NativeMemory.parse("Native memory tracking is not enabled\n"));
    }
}
