package dev.leakhunt.sampler.proc;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Fields of {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat} (see proc(5)). The command name
 * sits in parentheses and may itself contain spaces and parentheses, so fields are counted from the last
 * {@code ')'}.
 *
 * @param comm          the thread or process name, at most 15 characters
 * @param state         R, S, D, Z, …
 * @param cpuTicks      utime + stime, in clock ticks
 * @param startTicks    start time after boot, in clock ticks; with the pid it identifies a process
 * @param exitStatus    the wait(2) status, present only for a zombie (Linux 3.5+)
 */
public record ProcStat(String comm, char state, long cpuTicks, long startTicks, OptionalInt exitStatus) {

    /**
     * Clock ticks per second of the {@code stat} times: USER_HZ, which Linux fixes at 100 on every
     * architecture the JDK supports (sysconf(_SC_CLK_TCK) reports that constant, not the kernel's HZ).
     */
    public static final int TICKS_PER_SECOND = 100;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int STATE = 3;
    private static final int UTIME = 14;
    private static final int STIME = 15;
    private static final int STARTTIME = 22;
    private static final int EXIT_CODE = 52;

    public static ProcStat parse(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a stat line: " + text);
        }
        String comm = text.substring(open + 1, close);
        String[] rest = WHITESPACE.split(text.substring(close + 1).trim());
        char state = field(rest, STATE).charAt(0);
        long cpuTicks = Long.parseLong(field(rest, UTIME)) + Long.parseLong(field(rest, STIME));
        long startTicks = Long.parseLong(field(rest, STARTTIME));
        OptionalInt exitStatus = state == 'Z' && rest.length > EXIT_CODE - 3
                ? OptionalInt.of(Integer.parseInt(field(rest, EXIT_CODE)))
                : OptionalInt.empty();
        return new ProcStat(comm, state, cpuTicks, startTicks, exitStatus);
    }

    public double cpuSeconds() {
        return (double) cpuTicks / TICKS_PER_SECOND;
    }

    /** proc(5) numbers fields from 1; the first two (pid, comm) come before {@code rest}. */
    private static String field(String[] rest, int number) {
        return rest[number - 3];
    }
}
