package dev.discard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads what a run wrote, for assertions: run directories, JSONL records (plain or gzip), meta files. */
public final class ArchiveFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ArchiveFiles() {}

    /** The only run directory under {@code out}. */
    public static Path onlyRun(Path out) throws IOException {
        try (Stream<Path> runs = Files.list(out)) {
            List<Path> all = runs.filter(d -> Files.exists(d.resolve("run.meta.json"))).toList();
            if (all.size() != 1) throw new AssertionError("expected one run directory but was " + all);
            return all.get(0);
        }
    }

    public static List<JsonNode> records(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines(file)) records.add(MAPPER.readTree(line));
        return records;
    }

    public static List<String> lines(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }

    public static JsonNode meta(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }

    /** Message ids in the order the log's message pages hold them after sorting each page, within the range. */
    public static List<String> messageIds(Path log) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode record : records(log)) {
            if (!record.path("request").path("url").asText().endsWith("/messages")) continue;
            if (!record.path("response").path("data").isArray()) continue;
            List<String> page = new ArrayList<>();
            record.path("response").path("data").forEach(m -> page.add(m.get("id").asText()));
            page.sort((a, b) -> Long.compareUnsigned(Long.parseUnsignedLong(a), Long.parseUnsignedLong(b)));
            ids.addAll(page);
        }
        return ids;
    }

    /** Every file below {@code root}, decompressed where gzipped. */
    public static List<Path> allFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Path file) throws IOException {
        return String.join("\n", lines(file));
    }
}
