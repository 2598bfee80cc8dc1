package dev.leakhunt.charts.localize;

import java.util.List;
import java.util.Optional;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Names code sites the way a stack trace does — {@code pkg.Class.method(Class.java:41)} — and finds the first
 * frame that is not the JDK's own: the line a reader can open and fix. For heap samples it also steps over
 * {@link #FRAMEWORK_PACKAGES}: a leaked JSON string is allocated inside Jackson, but the line to fix is the
 * application's that keeps it.
 */
public final class Frames {

    private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");
    /**
     * Libraries that allocate on the application's behalf (servers, serializers, caches, logging, language
     * runtimes): a heap sample's site skips their frames when an application frame follows. A leak inside one
     * of them still gets a site: its own first non-JDK frame when no application frame is on the stack.
     */
    static final List<String> FRAMEWORK_PACKAGES = List.of(
            "org.eclipse.jetty.", "io.javalin.", "jakarta.", "io.netty.", "io.undertow.", "org.apache.catalina.",
            "org.apache.coyote.", "org.apache.tomcat.", "io.vertx.", "org.springframework.", "io.micronaut.",
            "io.quarkus.", "com.fasterxml.jackson.", "com.google.gson.", "com.google.protobuf.",
            "com.github.benmanes.caffeine.", "com.google.common.", "org.slf4j.", "ch.qos.logback.",
            "org.apache.logging.", "io.prometheus.", "io.micrometer.", "reactor.", "io.reactivex.",
            "org.hibernate.", "com.zaxxer.hikari.", "kotlin.", "kotlinx.", "scala.", "groovy.", "org.codehaus.groovy.");

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
     * The line that keeps a heap sample alive, as far as its allocation stack and its path to a GC root tell:
     * of the application classes holding the sample, nearest first, the first one with a frame on the stack names
     * the site (its innermost frame) — the map's owner that stored the object, not the serializer that built it.
     * Without such a frame (no path recorded, or the holder's code was not on the stack), the first frame outside
     * the JDK and the frameworks; then {@link #siteOf}'s choice.
     *
     * @param holderClasses the classes on the sample's path to a GC root, nearest first (empty when unknown)
     */
    public static String retainingSite(RecordedStackTrace stack, List<String> holderClasses) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return NO_STACK;
        }
        // A lambda's hidden class has no source line of its own; the method that created it follows on the stack.
        List<RecordedFrame> frames = stack.getFrames().stream().filter(RecordedFrame::isJavaFrame)
                .filter(frame -> !isHidden(frame)).toList();
        for (String holder : holderClasses) {
            if (!isApplication(holder)) {
                continue;
            }
            String owner = topLevel(holder);
            for (RecordedFrame frame : frames) {
                if (topLevel(frame.getMethod().getType().getName()).equals(owner)) {
                    return site(frame);
                }
            }
        }
        for (RecordedFrame frame : frames) {
            if (isApplication(frame.getMethod().getType().getName())) {
                return site(frame);
            }
        }
        return siteOf(stack);
    }

    static boolean isHidden(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method.hasField("hidden") && method.getBoolean("hidden");
    }

    /**
     * A class of the application: neither the JDK's nor one of the {@link #FRAMEWORK_PACKAGES}. An array is its
     * element type's; a primitive array is the JDK's.
     */
    static boolean isApplication(String className) {
        String element = elementType(className);
        return element.contains(".") && !isJdk(element) && !isFramework(element);
    }

    static boolean isFramework(String className) {
        return FRAMEWORK_PACKAGES.stream().anyMatch(className::startsWith);
    }

    /** {@code a.B[][]} → {@code a.B}: an array's element type, any other class itself. */
    private static String elementType(String className) {
        return className.endsWith("[]") ? className.substring(0, className.indexOf('[')) : className;
    }

    /** {@code a.B$C[]} → {@code a.B}: nested classes and arrays belong to the code of their top-level class. */
    private static String topLevel(String className) {
        String element = elementType(className);
        int nested = element.indexOf('$');
        return nested > 0 ? element.substring(0, nested) : element;
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
