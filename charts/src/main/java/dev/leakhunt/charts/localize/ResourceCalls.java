package dev.leakhunt.charts.localize;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Which application code asked the JDK for a resource the heap does not show — a file descriptor, direct buffer
 * memory, a class loader or a class — as far as a {@code heap.jfr} dump tells. The JVM records no event when a
 * socket is opened, a direct buffer reserved or a class loader created, but the allocation samples
 * ({@code jdk.ObjectAllocationSample}, with stacks) taken <em>inside</em> the JDK calls that acquire them carry the
 * stack of the code that asked. The lab's fd leak is found this way (its sockets are opened by
 * {@code HttpClient.send} under {@code QuoteClient.openBook}, under the leaking {@code BestQuoteReader.read}), so
 * are its direct-buffer leak ({@code ByteBuffer.allocateDirect} under {@code WriteJournal.append}) and its
 * class-loader leak ({@code ClassLoader.<init>} and {@code defineClass} under {@code QuoteMarkup.compile}, under
 * the leaking {@code QuoteMarkup.apply}).
 * <p>
 * A call path is the application frames below the acquiring frame, innermost first, without lambdas' hidden
 * frames (at most {@link #FRAMES_PER_PATH}): the caller, then its callers, because the line that should release
 * a resource is often a caller of the line that acquired it. This says who <em>acquired</em> resources in a
 * window, not whose were kept: it serves a series already judged a leak, whose grown groups the report shows
 * beside it. Counts are per minute, like {@link AllocationSites}.
 * <p>
 * Some acquisitions are bounded by the code itself and cannot leak, so they are left out: a built-in class loader
 * loading a class of the class path on first use (Jackson's classes at a service's first JSON answer) and the
 * JDK linking a call site (a lambda, a string concatenation, a method handle's form) define each class once. In a
 * class-loader leak's first minutes they outnumbered the leak's own definitions.
 */
public final class ResourceCalls {

    static final int FRAMES_PER_PATH = 3;
    private static final String CONSTRUCTOR = "<init>";

    /** A resource and the JDK methods that acquire it, by class (so a frame is matched without building a string). */
    public enum Resource {
        DESCRIPTORS("opened file descriptors", "socket channel, HTTP client connection, file stream constructors, …",
                Map.ofEntries(
                        Map.entry("sun.nio.ch.SocketChannelImpl", Set.of(CONSTRUCTOR)),
                        Map.entry("sun.nio.ch.ServerSocketChannelImpl", Set.of(CONSTRUCTOR)),
                        Map.entry("sun.nio.ch.DatagramChannelImpl", Set.of(CONSTRUCTOR)),
                        Map.entry("sun.nio.ch.NioSocketImpl", Set.of("create")),
                        Map.entry("jdk.internal.net.http.PlainHttpConnection", Set.of(CONSTRUCTOR)),
                        Map.entry("java.io.FileInputStream", Set.of(CONSTRUCTOR)),
                        Map.entry("java.io.FileOutputStream", Set.of(CONSTRUCTOR)),
                        Map.entry("java.io.RandomAccessFile", Set.of(CONSTRUCTOR)),
                        Map.entry("sun.nio.fs.UnixChannelFactory", Set.of("newFileChannel")),
                        Map.entry("sun.nio.fs.UnixFileSystemProvider", Set.of("newDirectoryStream")),
                        Map.entry("sun.nio.ch.PipeImpl", Set.of(CONSTRUCTOR)),
                        Map.entry("sun.nio.ch.EPollSelectorImpl", Set.of(CONSTRUCTOR)),
                        Map.entry("java.lang.ProcessImpl", Set.of(CONSTRUCTOR))), Set.of()),
        DIRECT_MEMORY("allocated direct buffers", "ByteBuffer.allocateDirect, the DirectByteBuffer constructor",
                Map.of("java.nio.ByteBuffer", Set.of("allocateDirect"),
                        "java.nio.DirectByteBuffer", Set.of(CONSTRUCTOR)), Set.of()),
        CLASSES("created class loaders or defined classes",
                "the ClassLoader constructor, ClassLoader.defineClass, Lookup.defineClass and defineHiddenClass",
                Map.of("java.lang.ClassLoader", Set.of(CONSTRUCTOR, "defineClass"),
                        "java.lang.invoke.MethodHandles$Lookup", Set.of("defineClass", "defineHiddenClass",
                                "defineHiddenClassWithClassData")),
                Set.of("jdk.internal.loader.BuiltinClassLoader", "java.lang.invoke.InnerClassLambdaMetafactory",
                        "java.lang.invoke.StringConcatFactory", "java.lang.invoke.InvokerBytecodeGenerator"));

        private final String verbPhrase;
        private final String calls;
        private final Map<String, Set<String>> methodsByClass;
        private final Set<String> boundedBy;

        /**
         * @param boundedBy JDK classes that, between the acquiring frame and the application, make the acquisition
         *                  one the code bounds (once per class of the class path, once per call site)
         */
        Resource(String verbPhrase, String calls, Map<String, Set<String>> methodsByClass, Set<String> boundedBy) {
            this.verbPhrase = verbPhrase;
            this.calls = calls;
            this.methodsByClass = methodsByClass;
            this.boundedBy = boundedBy;
        }

        /** What the code did, e.g. "opened file descriptors". */
        public String verbPhrase() {
            return verbPhrase;
        }

        /** The JDK calls matched, for a reader. */
        public String calls() {
            return calls;
        }

        boolean acquiresIn(RecordedFrame frame) {
            return frame.isJavaFrame() && methodsByClass.getOrDefault(frame.getMethod().getType().getName(), Set.of())
                    .contains(frame.getMethod().getName());
        }

        boolean boundsTheAcquisition(RecordedFrame frame) {
            return frame.isJavaFrame() && boundedBy.contains(frame.getMethod().getType().getName());
        }
    }

    /** The application frames below an acquiring frame, innermost first. */
    public record CallPath(List<String> frames) {
    }

    /** A call path and how many allocation samples inside acquiring calls it had in a window. */
    public record Caller(CallPath path, long samples) {
    }

    private record Key(Resource resource, CallPath path, Instant minute) {
    }

    private final Map<Key, Long> counts = new HashMap<>();

    void add(RecordedEvent allocationSample) {
        RecordedStackTrace stack = allocationSample.getStackTrace();
        if (stack != null) {
            callPath(stack.getFrames()).ifPresent(found -> add(found.resource(), found.path(),
                    allocationSample.getStartTime()));
        }
    }

    void add(Resource resource, CallPath path, Instant at) {
        counts.merge(new Key(resource, path, at.truncatedTo(ChronoUnit.MINUTES)), 1L, Long::sum);
    }

    /** The call paths that acquired {@code resource} in the minutes overlapping {@code [from, to]}, most first. */
    public List<Caller> between(Resource resource, Instant from, Instant to) {
        Instant firstMinute = from.truncatedTo(ChronoUnit.MINUTES);
        Map<CallPath, Long> inWindow = new HashMap<>();
        counts.forEach((key, count) -> {
            if (key.resource() == resource && !key.minute().isBefore(firstMinute) && !key.minute().isAfter(to)) {
                inWindow.merge(key.path(), count, Long::sum);
            }
        });
        return inWindow.entrySet().stream()
                .sorted(Map.Entry.<CallPath, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(e -> e.getKey().frames().toString()))
                .map(e -> new Caller(e.getKey(), e.getValue()))
                .toList();
    }

    private record Found(Resource resource, CallPath path) {
    }

    /**
     * The resource acquired by the innermost acquiring frame of the stack, with the application frames below it;
     * empty when no frame acquires one, no application code asked, or the JDK bounds the acquisition.
     */
    private static Optional<Found> callPath(List<RecordedFrame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            RecordedFrame frame = frames.get(i);
            for (Resource resource : Resource.values()) {
                if (resource.acquiresIn(frame)) {
                    List<String> callers = applicationCallers(resource, frames.subList(i + 1, frames.size()));
                    return callers.isEmpty() ? Optional.empty()
                            : Optional.of(new Found(resource, new CallPath(callers)));
                }
            }
        }
        return Optional.empty();
    }

    /** Up to {@link #FRAMES_PER_PATH} application frames, none if the JDK bounds the acquisition before the first. */
    private static List<String> applicationCallers(Resource resource, List<RecordedFrame> below) {
        List<String> callers = new ArrayList<>();
        for (RecordedFrame caller : below) {
            if (callers.isEmpty() && resource.boundsTheAcquisition(caller)) {
                return List.of();
            }
            if (caller.isJavaFrame() && !Frames.isHidden(caller)
                    && Frames.isApplication(caller.getMethod().getType().getName())) {
                callers.add(Frames.site(caller));
                if (callers.size() == FRAMES_PER_PATH) {
                    break;
                }
            }
        }
        return callers;
    }
}
