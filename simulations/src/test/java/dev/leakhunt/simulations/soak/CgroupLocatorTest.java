package dev.leakhunt.simulations.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CgroupLocatorTest {
    private static final String HYBRID_MOUNTS = """
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;

    @Test
    void v1MemoryHierarchyBelowItsMountPoint() {
        CgroupLocator locator = new CgroupLocator(HYBRID_MOUNTS, """
                4:memory:/process_api/dd98
                1:cpu:/
                0::/
                """);
        assertEquals(Optional.of(Path.of("/sys/fs/cgroup/memory/process_api/dd98")), locator.v1Memory());
        assertEquals(Optional.of(Path.of("/sys/fs/cgroup/unified")), locator.v2());
    }

    @Test
    void v2OnlyWithAMountRootBelowTheHierarchyRoot() {
        CgroupLocator locator = new CgroupLocator(
                "29 23 0:26 /user.slice /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n",
                "0::/user.slice/user-1000.slice/session-3.scope\n");
        assertEquals(Optional.empty(), locator.v1Memory());
        assertEquals(Optional.of(Path.of("/sys/fs/cgroup/user-1000.slice/session-3.scope")), locator.v2());
    }
}
