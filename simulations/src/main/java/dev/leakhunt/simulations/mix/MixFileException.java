package dev.leakhunt.simulations.mix;

import java.nio.file.Path;

/** A mix file that cannot be used; the message is one line naming the file and what is wrong. */
public final class MixFileException extends Exception {
    public MixFileException(Path file, String problem) {
        super("mix file " + file + ": " + problem);
    }
}
