package dev.leakhunt.sampler.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The few file operations the sampler does under {@code /proc}. Tests point it at a folder of canned files;
 * the parsers beside it work on text and never touch the file system themselves.
 */
public final class ProcFs {
    private final Path root;

    public ProcFs(Path root) {
        this.root = root;
    }

    public static ProcFs system() {
        return new ProcFs(Path.of("/proc"));
    }

    public Path path(String first, String... more) {
        return root.resolve(Path.of(first, more));
    }

    public String read(String first, String... more) throws IOException {
        return Files.readString(path(first, more), StandardCharsets.ISO_8859_1);
    }

    /** Names of the entries of a folder, e.g. the fd numbers under {@code <pid>/fd}. */
    public List<String> list(String first, String... more) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path(first, more))) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        }
        return names;
    }

    /** The target of a symbolic link, e.g. {@code socket:[12345]} for an fd. */
    public String readLink(String first, String... more) throws IOException {
        return Files.readSymbolicLink(path(first, more)).toString();
    }
}
