package dev.leakhunt.sampler.out;

import dev.leakhunt.sampler.proc.Fd;
import java.util.List;

/** Renders {@code fds.tsv}: one row per open fd with its kind, link target and, for TCP, state and endpoints. */
public final class FdTsv {
    static final String HEADER = "fd\tkind\ttarget\tsocket_state\tlocal\tpeer";

    private FdTsv() {
    }

    public static String render(List<Fd> fds) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (Fd fd : fds) {
            out.append(fd.fd()).append('\t').append(fd.kind().label()).append('\t').append(clean(fd.target()));
            if (fd.tcp() != null) {
                out.append('\t').append(fd.tcp().state()).append('\t').append(fd.tcp().local())
                        .append('\t').append(fd.tcp().peer());
            } else {
                out.append("\t\t\t");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** A file name may hold tabs or newlines; they would break the table. */
    private static String clean(String target) {
        return target.replace('\t', ' ').replace('\n', ' ');
    }
}
