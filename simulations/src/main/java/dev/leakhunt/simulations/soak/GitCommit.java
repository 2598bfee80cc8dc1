package dev.leakhunt.simulations.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The checkout's commit for the manifest, with {@code -dirty} when files differ from it; null outside git. */
final class GitCommit {
    private GitCommit() {}

    static String of(Path home) {
        String commit = git(home, "rev-parse", "HEAD");
        if (commit == null) {
            return null;
        }
        String changes = git(home, "status", "--porcelain", "--untracked-files=no");
        return changes == null || changes.isEmpty() ? commit : commit + "-dirty";
    }

    private static String git(Path home, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", home.toString()));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!git.waitFor(10, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            return git.exitValue() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
