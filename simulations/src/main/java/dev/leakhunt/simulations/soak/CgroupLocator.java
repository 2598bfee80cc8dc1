package dev.leakhunt.simulations.soak;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the directory of this process's own memory cgroup, v1 ({@code memory} controller hierarchy) or v2
 * (unified hierarchy), from the text of {@code /proc/self/mountinfo} and {@code /proc/self/cgroup}. A child cgroup
 * for the target goes below it, so the supervisor needs no rights beyond its own subtree.
 */
final class CgroupLocator {
    private final String mountinfo;
    private final String selfCgroup;

    CgroupLocator(String mountinfo, String selfCgroup) {
        this.mountinfo = mountinfo;
        this.selfCgroup = selfCgroup;
    }

    /** The v1 memory controller's directory of this process, when that hierarchy is mounted. */
    Optional<Path> v1Memory() {
        for (String line : selfCgroup.split("\n")) {
            String[] fields = line.split(":", 3);
            if (fields.length == 3 && Arrays.asList(fields[1].split(",")).contains("memory")) {
                return mountOf(fields[2], "cgroup", "memory");
            }
        }
        return Optional.empty();
    }

    /** This process's directory in the v2 unified hierarchy, when it is mounted. */
    Optional<Path> v2() {
        for (String line : selfCgroup.split("\n")) {
            if (line.startsWith("0::")) {
                return mountOf(line.substring(3), "cgroup2", null);
            }
        }
        return Optional.empty();
    }

    /**
     * mountinfo: {@code id parent major:minor root mountpoint options - fstype source superoptions}. The cgroup path
     * in /proc/self/cgroup is relative to the hierarchy's root; a mount whose root is below it (in a container)
     * shows only the part after that root.
     */
    private Optional<Path> mountOf(String cgroupPath, String fsType, String superOption) {
        for (String line : mountinfo.split("\n")) {
            String[] halves = line.split(" - ", 2);
            if (halves.length < 2) {
                continue;
            }
            String[] mount = halves[0].split(" ");
            String[] fs = halves[1].split(" ");
            boolean typeMatches = fs.length >= 3 && fs[0].equals(fsType)
                    && (superOption == null || Arrays.asList(fs[2].split(",")).contains(superOption));
            if (typeMatches && mount.length >= 5 && cgroupPath.startsWith(mount[3])) {
                String relative = mount[3].equals("/") ? cgroupPath : cgroupPath.substring(mount[3].length());
                return Optional.of(Path.of(mount[4], relative.replaceFirst("^/+", "")));
            }
        }
        return Optional.empty();
    }
}
