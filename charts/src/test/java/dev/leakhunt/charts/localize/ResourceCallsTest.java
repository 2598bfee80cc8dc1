package dev.leakhunt.charts.localize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakhunt.charts.localize.ResourceCalls.Resource;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real recording of this JVM: files opened, direct buffers allocated and class loaders created under two
 * methods of this class name both, the caller of the JDK first, each under its own resource.
 */
class ResourceCallsTest {

    private static final int CALLS = 50_000;
    private static final String THIS = ResourceCallsTest.class.getName();

    @TempDir
    static Path dir;
    private static Instant from;
    private static Instant to;
    private static ResourceCalls calls;

    @BeforeAll
    static void recordTheCalls() throws Exception {
        Path jfr = dir.resolve("calls.jfr");
        from = Instant.now();
        try (Recording recording = new Recording()) {
            // Every TLAB refill sampled: some of them happen inside the acquiring calls.
            recording.enable(HeapRecording.ALLOCATION_SAMPLE).withStackTrace().with("throttle", "off");
            recording.start();
            openAndCloseMany();
            allocateMany();
            createMany();
            recording.stop();
            recording.dump(jfr);
        }
        to = Instant.now();
        calls = HeapRecording.read(jfr).resourceCalls();
    }

    @Test
    void theCodeThatOpensDescriptorsIsNamedOpenerFirstThenItsCallers() {
        assertCalledBy(Resource.DESCRIPTORS, ".openOne", ".openAndCloseMany", ".recordTheCalls");
    }

    @Test
    void theCodeThatAllocatesDirectBuffersIsNamed() {
        assertCalledBy(Resource.DIRECT_MEMORY, ".allocateOne", ".allocateMany", ".recordTheCalls");
    }

    @Test
    void theCodeThatCreatesClassLoadersIsNamedFromTheLoadersOwnConstructorOn() {
        assertCalledBy(Resource.CLASSES, "$Loader.<init>", ".createOne", ".createMany");
    }

    @Test
    void theWindowBoundsThePaths() {
        for (Resource resource : Resource.values()) {
            assertTrue(calls.between(resource, from.minusSeconds(3_600), from.minusSeconds(120)).isEmpty(),
                    resource.name());
        }
    }

    /** The most sampled path is this class's {@code methods}, innermost first ({@code .name} or {@code $Nested.name}). */
    private static void assertCalledBy(Resource resource, String... methods) {
        List<ResourceCalls.Caller> callers = calls.between(resource, from, to);
        assertFalse(callers.isEmpty(), "no allocation sample inside a call that " + resource.verbPhrase());
        List<String> frames = callers.getFirst().path().frames();
        assertEquals(ResourceCalls.FRAMES_PER_PATH, frames.size(), frames.toString());
        for (int i = 0; i < methods.length; i++) {
            assertTrue(frames.get(i).startsWith(THIS + methods[i] + "(ResourceCallsTest.java:"), frames.toString());
        }
    }

    private static void openAndCloseMany() throws IOException {
        for (int i = 0; i < CALLS; i++) {
            openOne().close();
        }
    }

    private static FileInputStream openOne() throws IOException {
        return new FileInputStream("/dev/null");
    }

    private static void allocateMany() {
        long capacity = 0;
        for (int i = 0; i < CALLS; i++) {
            capacity += allocateOne().capacity();
        }
        assertEquals((long) CALLS * 64, capacity);
    }

    private static ByteBuffer allocateOne() {
        return ByteBuffer.allocateDirect(64);
    }

    private static void createMany() {
        for (int i = 0; i < CALLS; i++) {
            assertEquals("resource-calls-test", createOne().getName());
        }
    }

    private static ClassLoader createOne() {
        return new Loader();
    }

    private static final class Loader extends ClassLoader {
        Loader() {
            super("resource-calls-test", ResourceCallsTest.class.getClassLoader());
        }
    }
}
