package dev.discard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.dedupe.DedupeReport;
import dev.discard.dedupe.DedupeReport.Pair;
import dev.discard.dedupe.Deduplicator;
import dev.discard.dedupe.FileResult;
import dev.discard.dedupe.FileResult.Copy;
import dev.discard.dedupe.TimestampStatistics;
import dev.discard.format.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders a {@link DedupeReport} as DiscordPicExtract prints it, as the JSON object of {@code --json}, and as the
 * one-line notes about files that were not compared.
 */
final class DedupeReportFormat {
    private static final String SUMMARY_RULE = "=".repeat(60);
    private static final String STATISTICS_RULE = "=".repeat(70);
    private static final ObjectMapper JSON = Json.newMapper();

    private DedupeReportFormat() {}

    /** The text report: DiscordPicExtract's summary and statistics blocks, line for line. */
    static String text(DedupeReport report) {
        StringBuilder out = new StringBuilder();
        if (report.options().dryRun()) {
            line(out, "Dry run: nothing was copied to " + report.options().output()
                    + "; the counts say what would be.");
        }
        line(out, SUMMARY_RULE);
        line(out, "Deduplication Summary:");
        line(out, "  Total images scanned: " + report.imagesScanned());
        line(out, "  Unique images copied: " + report.uniqueImagesCopied());
        line(out, "  Duplicates skipped: " + report.duplicatesSkipped());
        line(out, "  Duplicate groups found: " + report.duplicateGroups());
        // Not in DiscordPicExtract, which overwrites and ignores other files; shown only when they occur.
        if (report.alreadyInOutput() > 0) {
            line(out, "  Files already in output, not overwritten: " + report.alreadyInOutput());
        }
        if (report.otherFilesCopied() > 0) line(out, "  Other files (not images) copied: " + report.otherFilesCopied());
        line(out, SUMMARY_RULE);
        line(out, "");
        if (report.statistics().isEmpty()) {
            line(out, "No duplicates, so no timestamp difference statistics.");
            return out.toString();
        }
        TimestampStatistics s = report.statistics().get();
        line(out, STATISTICS_RULE);
        line(out, "Timestamp Difference Statistics (Removed vs Kept Duplicates)");
        line(out, STATISTICS_RULE);
        row(out, 28, "Total pairs calculated:", String.format(Locale.ROOT, "%,d", s.count()));
        row(out, 28, "Mean difference:", duration(s.mean()));
        row(out, 28, "Median difference:", duration(s.median()));
        row(out, 28, "Standard deviation:", duration(s.standardDeviation()));
        row(out, 28, "Minimum difference:", duration(s.min()));
        row(out, 28, "Maximum difference:", duration(s.max()));
        // DiscordPicExtract's percentile lines are one column narrower than the lines above them.
        row(out, 27, "25th percentile:", duration(s.p25()));
        row(out, 27, "75th percentile:", duration(s.p75()));
        row(out, 27, "90th percentile:", duration(s.p90()));
        row(out, 27, "95th percentile:", duration(s.p95()));
        line(out, STATISTICS_RULE);
        line(out, "");
        List<Pair> outliers = report.aboveP95();
        line(out, "Files with timestamp difference above 95th percentile (" + duration(s.p95()) + "):");
        line(out, "Total: " + outliers.size() + " files");
        for (Pair pair : outliers) {
            line(out, "  " + duration(pair.seconds()) + "  " + pair.removed() + "  (kept " + pair.kept() + ")");
        }
        return out.toString();
    }

    /**
     * {@code 1.1m (63.2s)} from 60 seconds on, {@code 36.0s} below, as DiscordPicExtract prints a difference. Rounded
     * half to even on the exact binary value, as Python's {@code "%.1f"} rounds (63.25 prints as 63.2).
     */
    static String duration(double seconds) {
        if (seconds < 60) return oneDecimal(seconds) + "s";
        return oneDecimal(seconds / 60) + "m (" + oneDecimal(seconds) + "s)";
    }

    private static String oneDecimal(double value) {
        return new BigDecimal(value).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** One line per file that was not compared, or was not copied because the output had it; name order. */
    static List<String> notes(DedupeReport report) {
        List<String> notes = new ArrayList<>();
        for (FileResult file : report.files()) {
            switch (file.status()) {
                case UNDATED, UNREADABLE ->
                        notes.add(file.name() + ": " + file.problem() + "; not compared, kept as unique");
                case NOT_IMAGE -> notes.add(file.name() + ": not an image (" + extensions() + "); kept as is");
                case SKIPPED -> notes.add(file.name() + ": " + file.problem());
                default -> { }
            }
            if (file.copy() == Copy.EXISTS) notes.add(file.name() + ": already in the output, not overwritten");
        }
        return notes;
    }

    private static String extensions() {
        return new TreeSet<>(Deduplicator.IMAGE_EXTENSIONS).stream().map(e -> "." + e).collect(Collectors.joining(" "));
    }

    /** The {@code --json} object; README.md documents every key. */
    static String json(DedupeReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("source", report.options().source().toAbsolutePath().normalize().toString());
        root.put("output", report.options().output().toAbsolutePath().normalize().toString());
        root.put("dry_run", report.options().dryRun());
        root.put("max_distance", report.options().maxDistance());
        ObjectNode summary = root.putObject("summary");
        summary.put("images_scanned", report.imagesScanned());
        summary.put("unique_images", report.uniqueImages());
        summary.put("unique_images_copied", report.uniqueImagesCopied());
        summary.put("duplicates_skipped", report.duplicatesSkipped());
        summary.put("duplicate_groups", report.duplicateGroups());
        summary.put("already_in_output", report.alreadyInOutput());
        summary.put("other_files_copied", report.otherFilesCopied());
        if (report.statistics().isEmpty()) {
            root.putNull("statistics");
        } else {
            TimestampStatistics s = report.statistics().get();
            ObjectNode statistics = root.putObject("statistics");
            statistics.put("pairs", s.count());
            statistics.put("mean_seconds", s.mean());
            statistics.put("median_seconds", s.median());
            statistics.put("standard_deviation_seconds", s.standardDeviation());
            statistics.put("min_seconds", s.min());
            statistics.put("max_seconds", s.max());
            statistics.put("p25_seconds", s.p25());
            statistics.put("p75_seconds", s.p75());
            statistics.put("p90_seconds", s.p90());
            statistics.put("p95_seconds", s.p95());
        }
        ArrayNode above = root.putArray("above_p95");
        for (Pair pair : report.aboveP95()) {
            above.addObject().put("name", pair.removed()).put("kept", pair.kept()).put("seconds", pair.seconds());
        }
        Map<String, Pair> pairs = report.pairs().stream().collect(Collectors.toMap(Pair::removed, Function.identity()));
        ArrayNode files = root.putArray("files");
        for (FileResult file : report.files()) {
            ObjectNode node = files.addObject();
            node.put("name", file.name());
            node.put("size", file.size());
            node.put("status", file.status().name().toLowerCase(Locale.ROOT));
            node.put("timestamp", file.timestamp() == null ? null
                    : file.timestamp().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
            node.put("phash", file.hash() == null ? null : file.hash().toString());
            node.put("duplicate_of", file.duplicateOf());
            Pair pair = pairs.get(file.name());
            if (pair == null) node.putNull("seconds_after_kept"); else node.put("seconds_after_kept", pair.seconds());
            node.put("problem", file.problem());
            node.put("copy", file.copy().name().toLowerCase(Locale.ROOT));
        }
        try {
            return JSON.writer(prettyPrinter()).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of plain values always serialises
        }
    }

    /** Two-space indents, {@code "key": value}, one array element per line, as Python's json.dumps(indent=2). */
    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }

    /** {@code label} padded to {@code width} columns, then {@code value}. */
    private static void row(StringBuilder out, int width, String label, String value) {
        line(out, label + " ".repeat(Math.max(1, width - label.length())) + value);
    }

    private static void line(StringBuilder out, String line) {
        out.append(line).append('\n');
    }
}
