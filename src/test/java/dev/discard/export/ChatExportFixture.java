package dev.discard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The standard fake guild archived twice with {@code --media} (a message edited in between), exported with
 * {@code discard export json}, {@code export json --history} and {@code export csv}. Built once per test class.
 */
final class ChatExportFixture {
    final ExportedSite site;
    final Path json;
    final Path history;
    final Path csv;
    final CliRun jsonRun;
    final CliRun historyRun;
    final CliRun csvRun;

    private ChatExportFixture(ExportedSite site, Path json, Path history, Path csv, CliRun jsonRun,
            CliRun historyRun, CliRun csvRun) {
        this.site = site;
        this.json = json;
        this.history = history;
        this.csv = csv;
        this.jsonRun = jsonRun;
        this.historyRun = historyRun;
        this.csvRun = csvRun;
    }

    static ChatExportFixture build(Path root) throws Exception {
        ExportedSite site = ExportedSite.build(root, true);
        assertEquals(0, site.export.exitCode, site.export.toString());
        Path json = root.resolve("json");
        Path history = root.resolve("history");
        Path csv = root.resolve("csv");
        String archive = site.archive.toString();
        CliRun jsonRun = CliRun.run(Map.of(), "export", "json", "-o", json.toString(), archive);
        CliRun historyRun = CliRun.run(Map.of(), "export", "json", "-q", "--history", "--original-urls", "-o",
                history.toString(), archive);
        CliRun csvRun = CliRun.run(Map.of(), "export", "csv", "-q", "-o", csv.toString(), archive);
        return new ChatExportFixture(site, json, history, csv, jsonRun, historyRun, csvRun);
    }

    /** The files of a format under an export folder, sorted by path (the order a file manager shows). */
    static List<Path> files(Path folder, String extension) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            return new ArrayList<>(walk.filter(p -> p.toString().endsWith("." + extension)).sorted().toList());
        }
    }

    static JsonNode read(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }
}
