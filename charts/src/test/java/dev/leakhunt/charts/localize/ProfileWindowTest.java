package dev.leakhunt.charts.localize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.charts.run.ProfileCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which two captures a leak is localized between, on a folder where only some captures walked the heap. */
class ProfileWindowTest {

    @TempDir
    Path profiles;

    List<ProfileCapture> captures;

    @BeforeEach
    void fiveCapturesOfWhichTheFirstAndFourthWalkedTheHeap() throws Exception {
        for (int ts = 1000; ts <= 5000; ts += 1000) {
            Path dir = Files.createDirectories(profiles.resolve(Integer.toString(ts)));
            if (ts == 1000 || ts == 4000) {
                Files.writeString(dir.resolve(CaptureReader.HISTOGRAM), "");
            }
            Files.writeString(dir.resolve(ProfileCapture.DONE_MARKER), "");
        }
        captures = ProfileCapture.list(profiles);
    }

    @Test
    void aHeapLeakIsLocalizedBetweenHeapWalks() {
        ProfileWindow window = ProfileWindow.of(captures, OptionalLong.of(500), LeakKind.HEAP).orElseThrow();
        assertEquals(List.of(1000L, 4000L), List.of(window.from().tsMs(), window.to().tsMs()));
    }

    @Test
    void aThreadLeakUsesTheLastCapture() {
        ProfileWindow window = ProfileWindow.of(captures, OptionalLong.of(500), LeakKind.THREADS).orElseThrow();
        assertEquals(List.of(1000L, 5000L), List.of(window.from().tsMs(), window.to().tsMs()));
    }

    @Test
    void withOneHeapWalkAfterWarmupAHeapLeakStartsAtTheHeapWalkBeforeIt() {
        ProfileWindow window = ProfileWindow.of(captures, OptionalLong.of(2000), LeakKind.HEAP).orElseThrow();
        assertEquals(List.of(1000L, 4000L), List.of(window.from().tsMs(), window.to().tsMs()));
    }

    @Test
    void afterTheSamplerStoppedItsRecordingAnFdLeakEndsAtTheRecordingsLastDump() throws Exception {
        Files.writeString(profiles.resolve("1000").resolve(CaptureReader.HEAP_JFR), "");
        Files.writeString(profiles.resolve("3000").resolve(CaptureReader.HEAP_JFR), "");
        ProfileWindow window = ProfileWindow.of(ProfileCapture.list(profiles), OptionalLong.of(500), LeakKind.FDS)
                .orElseThrow();
        assertEquals(List.of(1000L, 3000L), List.of(window.from().tsMs(), window.to().tsMs()));
        ProfileWindow onlyTheFirstRecorded = ProfileWindow.of(ProfileCapture.list(profiles), OptionalLong.of(2000),
                LeakKind.FDS).orElseThrow();
        assertEquals(List.of(2000L, 3000L), List.of(onlyTheFirstRecorded.from().tsMs(), onlyTheFirstRecorded.to().tsMs()));
    }

    @Test
    void fewerThanTwoCapturesAfterWarmupLocalizeNothing() {
        assertTrue(ProfileWindow.of(captures, OptionalLong.of(4500), LeakKind.FDS).isEmpty());
    }
}
