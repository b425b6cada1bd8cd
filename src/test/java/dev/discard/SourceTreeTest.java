package dev.discard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The house rules of the main sources that a compiler does not check (issue 15). */
class SourceTreeTest {
    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void noTwoClassesShareASimpleName() throws IOException {
        Map<String, List<String>> byName = sources()
                .filter(f -> !f.getFileName().toString().equals("package-info.java"))
                .collect(Collectors.groupingBy(f -> f.getFileName().toString(), TreeMap::new,
                        Collectors.mapping(f -> MAIN.relativize(f).toString(), Collectors.toList())));
        byName.values().removeIf(files -> files.size() == 1);
        assertEquals(Map.of(), byName, "one definition per name: these classes are twins");
    }

    @Test
    void exactlyOneFileConstructsAnObjectMapper() throws IOException {
        List<String> constructing = sources().filter(f -> read(f).contains("new ObjectMapper("))
                .map(f -> MAIN.relativize(f).toString()).toList();
        assertEquals(List.of("dev/discard/format/Json.java"), constructing, "the one JSON configuration is Json.newMapper()");
    }

    @Test
    void theFormatPackageImportsNoneOfDiscardsOwn() throws IOException {
        Pattern ownImport = Pattern.compile("^import (static )?dev\\.discard\\.(?!format\\.)", Pattern.MULTILINE);
        List<String> importing = sources().filter(f -> f.startsWith(MAIN.resolve("dev/discard/format")))
                .filter(f -> ownImport.matcher(read(f)).find())
                .map(f -> MAIN.relativize(f).toString()).toList();
        assertEquals(List.of(), importing, "dev.discard.format is the bottom package");
    }

    private static Stream<Path> sources() throws IOException {
        try (Stream<Path> walk = Files.walk(MAIN)) {
            return walk.filter(f -> f.toString().endsWith(".java")).sorted().toList().stream();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
