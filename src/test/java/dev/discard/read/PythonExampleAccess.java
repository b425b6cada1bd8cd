package dev.discard.read;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages write {@link PythonExample}. */
public final class PythonExampleAccess {
    public static Path write(Path out) throws IOException {
        return PythonExample.write(out);
    }

    private PythonExampleAccess() {}
}
