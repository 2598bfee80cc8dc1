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
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.hipparchus.distribution.continuous.FDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real recording of this JVM: files opened, direct buffers allocated and class loaders created under two
 * methods of this class name both, the caller of the JDK first, each under its own resource; the classes the
 * application loader loads from the class path are no such resource.
 */
class ResourceCallsTest {

    private static final int CALLS = 50_000;
    private static final String THIS = ResourceCallsTest.class.getName();

    @TempDir
    static Path dir;
    private static Instant from;
    private static Instant to;
    private static ResourceCalls calls;
    private static long loadingSamples;

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
            loadTheClassPath();
            recording.stop();
            recording.dump(jfr);
        }
        to = Instant.now();
        calls = HeapRecording.read(jfr).resourceCalls();
        loadingSamples = RecordingFile.readAllEvents(jfr).stream()
                .filter(event -> event.getStackTrace() != null && event.getStackTrace().getFrames().stream()
                        .anyMatch(frame -> frame.getMethod().getName().equals("loadTheClassPath")))
                .count();
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
    void classesTheApplicationLoaderLoadsFromTheClassPathAreNotAcquisitions() {
        assertTrue(loadingSamples > 0, "the recording has allocation samples while the class path was loaded");
        assertTrue(calls.between(Resource.CLASSES, from, to).stream()
                .noneMatch(caller -> caller.path().frames().toString().contains(".loadTheClassPath(")),
                calls.between(Resource.CLASSES, from, to).toString());
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

    /** Loads every class of Hipparchus's core jar not loaded yet: the built-in loader defines each once. */
    private static void loadTheClassPath() throws Exception {
        ClassLoader applicationLoader = ResourceCallsTest.class.getClassLoader();
        Path jar = Path.of(FDistribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile classes = new JarFile(jar.toFile())) {
            for (String name : classes.stream().map(JarEntry::getName)
                    .filter(entry -> entry.endsWith(".class") && !entry.contains("-info")).toList()) {
                try {
                    Class.forName(name.replace('/', '.').replace(".class", ""), false, applicationLoader);
                } catch (ClassNotFoundException | LinkageError optionalDependencyMissing) {
                    // the class itself is not what this test is about
                }
            }
        }
    }

    private static final class Loader extends ClassLoader {
        Loader() {
            super("resource-calls-test", ResourceCallsTest.class.getClassLoader());
        }
    }
}
