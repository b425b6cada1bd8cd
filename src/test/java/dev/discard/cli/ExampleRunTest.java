package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.fake.FakeDiscord;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden run tree: a guild run against the small fake server with a fixed clock and ident must produce exactly
 * the files in {@code example/} (the README's example), after normalizing what differs between machines: the fake's
 * port, the temporary output folder, the Java version and the operating system named in IDENTIFY. {@code -Ddiscard.updateExample=true} rewrites the example.
 * The run's {@code run.log} is left out: its times, thread names and durations differ from run to run.
 */
class ExampleRunTest {
    private static final Path EXAMPLE = Path.of("example");
    private static final String EXAMPLE_URL = "http://127.0.0.1:8089/api/v10";
    private static final String EXAMPLE_HOST = "127.0.0.1:8089";
    /** The Python Discard's own example run, shipped beside ours; PythonExampleShippedTest keeps it. */
    private static final Path PYTHON_EXAMPLE = EXAMPLE.resolve("python-discard");

    @TempDir Path temp;

    @Test
    void guildRunMatchesTheExampleTreeByteForByte() throws Exception {
        Map<String, String> produced;
        try (FakeDiscord discord = Fixtures.example().clock(Clock.fixed(CliRun.START, ZoneOffset.UTC)).start()) {
            Path out = temp.resolve("out");
            CliRun run = CliRun.run(Map.of("DISCORD_TOKEN", Fixtures.TOKEN), "--api-url", discord.apiUrl(), "-o",
                    out.toString(), "guild", Long.toString(Fixtures.GUILD_ID));
            assertEquals(0, run.exitCode, run.toString());
            produced = tree(out, discord.apiUrl(), out.toString());
            assertTrue(Files.size(ArchiveFiles.onlyRun(out).resolve("run.log")) > 0, "every run writes its run.log");
        }
        if (Boolean.getBoolean("discard.updateExample")) {
            write(produced);
        }
        Map<String, String> expected = tree(EXAMPLE, EXAMPLE_URL, "out");
        assertEquals(expected.keySet(), produced.keySet(), "the files of the run tree");
        for (String file : expected.keySet()) {
            assertEquals(expected.get(file), produced.get(file), file);
        }
    }

    /** Relative path → normalized text of every file below {@code root}. */
    private static Map<String, String> tree(Path root, String apiUrl, String outputDir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.endsWith("run.log"))
                    .filter(f -> !f.startsWith(PYTHON_EXAMPLE)).toList()) {
                String host = okhttp3.HttpUrl.get(apiUrl).host() + ":" + okhttp3.HttpUrl.get(apiUrl).port();
                String text = Files.readString(file, StandardCharsets.UTF_8)
                        .replace(host, EXAMPLE_HOST)
                        .replace(outputDir.replace("\\", "\\\\"), "out")
                        .replaceAll("\"java_version\" ?: ?\"[^\"]*\"", "\"java_version\": \"17\"")
                        .replaceAll("\\\\\"os\\\\\":\\\\\"[^\\\\]*\\\\\"", "\\\\\"os\\\\\":\\\\\"linux\\\\\"");
                files.put(root.relativize(file).toString().replace('\\', '/'), text);
            }
        }
        return files;
    }

    private static void write(Map<String, String> files) throws IOException {
        if (Files.exists(EXAMPLE)) {
            try (Stream<Path> walk = Files.walk(EXAMPLE)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (!p.startsWith(PYTHON_EXAMPLE) && !p.equals(EXAMPLE)) Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = EXAMPLE.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void exampleIsNotEmpty() throws IOException {
        try (Stream<Path> walk = Files.walk(EXAMPLE)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            assertEquals(true, files.size() >= 8, files.toString());
        }
    }
}
