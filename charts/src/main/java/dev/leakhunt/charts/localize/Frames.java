package dev.leakhunt.charts.localize;

import java.util.List;
import java.util.Optional;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Names code sites the way a stack trace does — {@code pkg.Class.method(Class.java:41)} — and finds the first
 * frame that is not the JDK's own: the line a reader can open and fix.
 */
public final class Frames {

    private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private Frames() {
    }

    public static boolean isJdk(String className) {
        return JDK_PACKAGES.stream().anyMatch(className::startsWith);
    }

    /** What a site is called when the event carries no stack. */
    public static final String NO_STACK = "(no Java stack recorded)";
    /** The prefix of a site whose stack has only JDK frames: the top frame, named, but not blamed. */
    public static final String JDK_ONLY = "[JDK only] ";

    /**
     * The site of an event: its first non-JDK frame; else, for a stack of JDK frames only, the top frame
     * marked {@link #JDK_ONLY}; else {@link #NO_STACK}.
     */
    public static String siteOf(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return NO_STACK;
        }
        return firstApplicationFrame(stack).orElseGet(() -> JDK_ONLY + site(stack.getFrames().getFirst()));
    }

    /** True for a site that names application code, the kind verdicts.json blames. */
    public static boolean isApplicationSite(String site) {
        return !site.equals(NO_STACK) && !site.startsWith(JDK_ONLY);
    }

    /** The first non-JDK frame from the top of the stack, or empty when every frame is the JDK's (or there is no stack). */
    public static Optional<String> firstApplicationFrame(RecordedStackTrace stack) {
        if (stack == null) {
            return Optional.empty();
        }
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.isJavaFrame() && !isJdk(frame.getMethod().getType().getName())) {
                return Optional.of(site(frame));
            }
        }
        return Optional.empty();
    }

    /**
     * JFR records no source file name; Java's convention (the top-level class's simple name) gives it, and that
     * is what makes the site clickable in an IDE.
     */
    static String site(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        String className = method.getType().getName();
        int line = frame.getLineNumber();
        String file = sourceFileOf(className);
        return className + "." + method.getName() + "(" + file + (line > 0 ? ":" + line : "") + ")";
    }

    private static String sourceFileOf(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        return (nested > 0 ? simple.substring(0, nested) : simple) + ".java";
    }

    /**
     * The first non-JDK frame of a {@code threads.txt} block, whose frames are {@code StackTraceElement.toString()}
     * text such as {@code java.base/jdk.internal.misc.Unsafe.park(Native Method)} or
     * {@code app//dev.x.Foo.run(Foo.java:12)}: a module or class-loader prefix before '/' is dropped.
     */
    public static Optional<String> firstApplicationFrame(List<String> frames) {
        for (String frame : frames) {
            String bare = frame.substring(frame.lastIndexOf('/', frame.indexOf('(')) + 1);
            if (!isJdk(bare)) {
                return Optional.of(bare);
            }
        }
        return Optional.empty();
    }
}
