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
 * Which application code opened file descriptors, as far as a {@code heap.jfr} dump tells. The JVM records no
 * event when a socket or a file is opened, but the allocation samples ({@code jdk.ObjectAllocationSample}, with
 * stacks) taken <em>inside</em> the JDK's opening calls — a socket channel's or an HTTP client connection's
 * constructor, a file stream's — carry the stack of the code that asked for the descriptor. The lab's fd leak is
 * found this way: its sockets are opened by {@code HttpClient.send} in the request thread, under
 * {@code QuoteClient.openBook}, under the leaking {@code BestQuoteReader.read}.
 * <p>
 * A call path is the application frames below the opening frame, innermost first, without lambdas' hidden
 * frames (at most {@link #FRAMES_PER_PATH}): the opener, then its callers, because the line that should close a
 * descriptor is often a caller of the line that opened it. This says who <em>opened</em> descriptors in a window, not whose
 * stayed open: it serves a series already judged a leak, whose grown fd groups (kind, state, peer) the report
 * shows beside it. Counts are per minute, like {@link AllocationSites}.
 */
public final class DescriptorOpenings {

    static final int FRAMES_PER_PATH = 3;
    private static final String CONSTRUCTOR = "<init>";
    /**
     * The JDK methods that create a descriptor, by class. Looked up by the frame's class first, so that the frames
     * of every allocation sample of a day-long recording are matched without building a string apiece.
     */
    static final Map<String, Set<String>> OPENING_METHODS = Map.ofEntries(
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
            Map.entry("java.lang.ProcessImpl", Set.of(CONSTRUCTOR)));

    /** The application frames below an opening frame, innermost first. */
    public record CallPath(List<String> frames) {
    }

    /** A call path and how many allocation samples inside opening calls it had in a window. */
    public record Opener(CallPath path, long samples) {
    }

    private record PathMinute(CallPath path, Instant minute) {
    }

    private final Map<PathMinute, Long> counts = new HashMap<>();

    void add(RecordedEvent allocationSample) {
        callPath(allocationSample.getStackTrace()).ifPresent(path -> add(path, allocationSample.getStartTime()));
    }

    void add(CallPath path, Instant at) {
        counts.merge(new PathMinute(path, at.truncatedTo(ChronoUnit.MINUTES)), 1L, Long::sum);
    }

    /** The call paths sampled in the minutes overlapping {@code [from, to]}, the most sampled first. */
    public List<Opener> between(Instant from, Instant to) {
        Instant firstMinute = from.truncatedTo(ChronoUnit.MINUTES);
        Map<CallPath, Long> inWindow = new HashMap<>();
        counts.forEach((key, count) -> {
            if (!key.minute().isBefore(firstMinute) && !key.minute().isAfter(to)) {
                inWindow.merge(key.path(), count, Long::sum);
            }
        });
        return inWindow.entrySet().stream()
                .sorted(Map.Entry.<CallPath, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(e -> e.getKey().frames().toString()))
                .map(e -> new Opener(e.getKey(), e.getValue()))
                .toList();
    }

    /** The application frames below the innermost opening frame of the stack; empty when none opens a descriptor. */
    static Optional<CallPath> callPath(RecordedStackTrace stack) {
        if (stack == null) {
            return Optional.empty();
        }
        List<RecordedFrame> frames = stack.getFrames();
        for (int i = 0; i < frames.size(); i++) {
            RecordedFrame frame = frames.get(i);
            if (!frame.isJavaFrame() || !OPENING_METHODS.getOrDefault(frame.getMethod().getType().getName(), Set.of())
                    .contains(frame.getMethod().getName())) {
                continue;
            }
            List<String> callers = new ArrayList<>();
            for (RecordedFrame caller : frames.subList(i + 1, frames.size())) {
                if (caller.isJavaFrame() && !Frames.isHidden(caller)
                        && Frames.isApplication(caller.getMethod().getType().getName())) {
                    callers.add(Frames.site(caller));
                    if (callers.size() == FRAMES_PER_PATH) {
                        break;
                    }
                }
            }
            return callers.isEmpty() ? Optional.empty() : Optional.of(new CallPath(callers));
        }
        return Optional.empty();
    }
}
