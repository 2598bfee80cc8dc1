package dev.leakhunt.sampler.jfr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapEvidenceRecordingTest {

    @Test
    void aTargetRecordingIsAdoptedOnlyWithABoundedSearchForRootPaths() {
        assertTrue(HeapEvidenceRecording.boundedAndPositive("10 ms"));
        assertTrue(HeapEvidenceRecording.boundedAndPositive("1s"));
        assertTrue(HeapEvidenceRecording.boundedAndPositive(" 250 us "));
        assertFalse(HeapEvidenceRecording.boundedAndPositive("0 ns"), "default.jfc: no paths at all");
        assertFalse(HeapEvidenceRecording.boundedAndPositive("infinity"), "an unbounded pause");
        assertFalse(HeapEvidenceRecording.boundedAndPositive(null));
        assertFalse(HeapEvidenceRecording.boundedAndPositive("soon"));
    }
}
