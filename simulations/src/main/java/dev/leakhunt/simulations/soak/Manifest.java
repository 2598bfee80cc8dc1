package dev.leakhunt.simulations.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: what was run and how every process ended (src/docs/formats.md). Rewritten atomically —
 * a temporary file renamed over the old one — at every change, so a reader never sees half a manifest and a
 * killed supervisor leaves the last consistent one.
 */
public final class Manifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final ObjectNode root = JSON.createObjectNode();

    public Manifest(Path file, String runId, String gitCommit, String jdk, Map<String, ?> parameters) {
        this.file = file;
        root.put("run_id", runId);
        if (gitCommit != null) {
            root.put("git_commit", gitCommit);
        }
        root.put("jdk", jdk);
        root.set("parameters", JSON.valueToTree(parameters));
        root.set("target", JSON.createObjectNode());
        root.put("started_ms", System.currentTimeMillis());
        root.set("processes", JSON.createObjectNode());
        root.put("outcome", "running");
        write();
    }

    public synchronized void target(List<String> command, List<String> jvmFlags, String url, String metricsUrl) {
        ObjectNode target = root.putObject("target");
        target.set("cmd", JSON.valueToTree(command));
        target.set("jvm_flags", JSON.valueToTree(jvmFlags));
        target.put("url", url);
        if (metricsUrl != null) {
            target.put("metrics_url", metricsUrl);
        }
        write();
    }

    public synchronized void memoryCgroup(MemoryCgroup cgroup, long limitBytes) {
        ObjectNode node = root.putObject("memory_cgroup");
        node.put("version", cgroup.version());
        node.put("path", cgroup.directory().toString());
        node.put("limit_bytes", limitBytes);
        write();
    }

    /** Records a process start; a restarted role moves its previous instance to {@code restarts}. */
    public synchronized void started(String role, long pid, long startedMs, List<String> command) {
        ObjectNode processes = (ObjectNode) root.get("processes");
        ObjectNode previous = (ObjectNode) processes.get(role);
        ObjectNode process = JSON.createObjectNode();
        process.put("pid", pid);
        process.put("started_ms", startedMs);
        process.set("cmd", JSON.valueToTree(command));
        if (previous != null) {
            var restarts = previous.has("restarts") ? previous.remove("restarts") : JSON.createArrayNode();
            ((ArrayNode) restarts).add(previous);
            process.set("restarts", restarts);
        }
        processes.set(role, process);
        write();
    }

    /** Records a process we watch but did not start (TARGET_PID): never stopped by the supervisor. */
    public synchronized void adopted(String role, long pid) {
        ObjectNode process = ((ObjectNode) root.get("processes")).putObject(role);
        process.put("pid", pid);
        process.put("adopted", true);
        write();
    }

    public synchronized void ended(String role, ManagedProcess.Ending ending) {
        ObjectNode process = (ObjectNode) root.get("processes").get(role);
        process.put("exit_code", ending.exitCode());
        if (ending.signal() != null) {
            process.put("signal", ending.signal());
        }
        process.put("ended_by", ending.endedBy());
        process.put("ended_ms", ending.endedMs());
        write();
    }

    /** An adopted process that ended on its own: its exit status belongs to its parent, so it is not known. */
    public synchronized void vanished(String role, long endedMs) {
        ObjectNode process = (ObjectNode) root.get("processes").get(role);
        process.put("ended_by", "exited");
        process.put("ended_ms", endedMs);
        write();
    }

    public synchronized void finish(String outcome, String message) {
        root.put("outcome", outcome);
        if (message != null) {
            root.put("message", message);
        }
        root.put("ended_ms", System.currentTimeMillis());
        write();
    }

    private void write() {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            JSON.writeValue(temporary.toFile(), root);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
