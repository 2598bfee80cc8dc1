package dev.leakhunt.sampler.jfr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafepointLogTest {

    @Test
    void collectionsAreToldFromTheOperationsACaptureRuns() {
        for (String gc : new String[] {"G1CollectForAllocation", "G1PauseRemark", "G1CollectFull", "ZMarkStartYoung",
                "GenCollectForAllocation", "ParallelGCFailedAllocation", "CollectForMetadataAllocation"}) {
            assertTrue(SafepointLog.isGc(gc), gc);
        }
        for (String capture : new String[] {"GC_HeapInspection", "ThreadDump", "JFROldObject", "FindDeadlocks", "ICBufferFull"}) {
            assertFalse(SafepointLog.isGc(capture), capture);
        }
        assertFalse(SafepointLog.isGc(null), "an operation JFR did not name is not assumed to be a GC");
    }
}
