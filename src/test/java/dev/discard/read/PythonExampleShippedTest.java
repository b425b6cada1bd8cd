package dev.discard.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code example/python-discard/} ships the Python Discard's example run (as {@link PythonExample} holds it) so that
 * the quick start shows both formats read alike. {@code -Ddiscard.updateExample=true} writes it anew.
 */
class PythonExampleShippedTest {
    private static final Path SHIPPED = Path.of("example", "python-discard");

    @TempDir Path temp;

    @Test
    void exampleFolderHoldsThePythonDiscardRunAsPythonExampleHasIt() throws IOException {
        PythonExample.write(temp);
        if (Boolean.getBoolean("discard.updateExample")) {
            Files.createDirectories(SHIPPED);
            PythonExample.write(SHIPPED);
        }
        assertEquals(tree(temp), tree(SHIPPED));
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
