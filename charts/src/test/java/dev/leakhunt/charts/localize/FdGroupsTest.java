package dev.leakhunt.charts.localize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fds.tsv rows as the sampler writes them (taken from a lab soak), grouped so that a leak is one growing row. */
class FdGroupsTest {

    @TempDir
    Path dir;

    @Test
    void groupsAcceptedSocketsByListenerClientSocketsByPeerAndPipesByKind() throws Exception {
        Path tsv = dir.resolve("fds.tsv");
        Files.writeString(tsv, """
                fd\tkind\ttarget\tsocket_state\tlocal\tpeer
                0\tother\t/dev/null\t\t\t
                5\tpipe\tpipe:[594001]\t\t\t
                6\tpipe\tpipe:[594002]\t\t\t
                7\tanon\tanon_inode:[eventpoll]\t\t\t
                10\tsocket\tsocket:[594527]\t\t\t
                13\tsocket\tsocket:[594632]\tLISTEN\t[0:0:0:0:0:ffff:7f00:1]:39133\t[0:0:0:0:0:0:0:0]:0
                20\tsocket\tsocket:[594700]\tESTABLISHED\t[0:0:0:0:0:ffff:7f00:1]:39133\t[0:0:0:0:0:ffff:7f00:1]:53468
                21\tsocket\tsocket:[594701]\tESTABLISHED\t[0:0:0:0:0:ffff:7f00:1]:39133\t[0:0:0:0:0:ffff:7f00:1]:53472
                22\tsocket\tsocket:[594702]\tCLOSE_WAIT\t127.0.0.1:41000\t127.0.0.1:8081
                23\tsocket\tsocket:[594703]\tCLOSE_WAIT\t127.0.0.1:41002\t127.0.0.1:8081
                24\tsocket\tsocket:[594704]\tCLOSE_WAIT\t127.0.0.1:41004\t127.0.0.1:8081
                """);

        Map<FdGroups.Kind, Tally> groups = FdGroups.read(tsv);

        assertEquals(Tally.of(2), groups.get(new FdGroups.Kind("socket", "ESTABLISHED",
                "accepted on [0:0:0:0:0:ffff:7f00:1]:39133")));
        assertEquals(Tally.of(3), groups.get(new FdGroups.Kind("socket", "CLOSE_WAIT", "→ 127.0.0.1:8081")));
        assertEquals(Tally.of(1), groups.get(new FdGroups.Kind("socket", "LISTEN",
                "listening on [0:0:0:0:0:ffff:7f00:1]:39133")));
        assertEquals(Tally.of(2), groups.get(new FdGroups.Kind("pipe", "", "pipe")));
        assertEquals(Tally.of(1), groups.get(new FdGroups.Kind("anon", "", "anon_inode:[eventpoll]")));
        assertEquals(7, groups.size(), groups.toString());
    }
}
