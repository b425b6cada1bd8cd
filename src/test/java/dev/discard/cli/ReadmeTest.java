package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.discard.testing.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README and docs/ are documentation users copy from: their {@code --help} blocks must be the real output.
 * With {@code -Ddiscard.updateDocs=true} each block found is rewritten with the current output instead (a block
 * runs from its {@code $ discard … --help} line to the closing fence).
 */
class ReadmeTest {
    private static final long README_LIMIT = 26 * 1024;

    @Test
    void docsShowTheExactHelpOfEveryCommand() throws Exception {
        boolean update = Boolean.getBoolean("discard.updateDocs");
        List<Path> pages = pages();
        for (String[] command : commands()) {
            String prompt = String.join(" ", "$ discard", String.join(" ", command), "--help\n").replace("  ", " ");
            String[] args = new String[command.length + 1];
            System.arraycopy(command, 0, args, 0, command.length);
            args[command.length] = "--help";
            String block = prompt + CliRun.run(Map.of(), args).out;
            if (update) {
                for (Path page : pages) rewriteBlock(page, prompt, block);
            }
            assertTrue(pages.stream().anyMatch(page -> read(page).contains(block)),
                    "README.md or docs/ must show, verbatim:\n" + block);
        }
    }

    @Test
    void mainHelpListsEachCommandWithAWholeSentence() {
        String help = CliRun.run(Map.of(), "--help").out;
        String list = help.substring(help.indexOf("Commands:"), help.indexOf("Exit codes:"));
        // An entry is a line starting with two spaces and a name, with its indented continuation lines.
        String[] entries = list.substring("Commands:\n".length()).split("\n  (?=\\S)");
        for (String entry : entries) {
            String text = entry.strip().replaceAll("\\s+", " ");
            if (text.isEmpty()) continue;
            assertTrue(text.endsWith("."), "the main help must list each command with a whole sentence: " + text);
        }
    }

    @Test
    void readmeFitsOnAFewScreensAndLinksItsDocs() throws Exception {
        Path readme = Path.of("README.md");
        assertTrue(Files.size(readme) <= README_LIMIT, "README.md is " + Files.size(readme) + " bytes; move detail to docs/");
        String text = read(readme);
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
                assertTrue(text.contains("](docs/" + doc.getFileName() + ")"), "README.md must link " + doc);
            }
        }
    }

    @Test
    void readmeGivesTheTestCommandThatCiRuns() throws Exception {
        String readme = read(Path.of("README.md"));
        String ci = read(Path.of(".ci/run"));
        assertTrue(readme.contains("\nmvn -B verify\n"));
        assertTrue(ci.contains("\nmvn -B verify\n"));
    }

    private static List<String[]> commands() {
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[0]);
        addAll(new CommandLine(new DiscardCommand(null, null)), new ArrayList<>(), commands);
        return commands;
    }

    private static void addAll(CommandLine parent, List<String> path, List<String[]> into) {
        parent.getSubcommands().forEach((name, sub) -> {
            List<String> here = new ArrayList<>(path);
            here.add(name);
            into.add(here.toArray(String[]::new));
            addAll(sub, here, into);
        });
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static void rewriteBlock(Path page, String prompt, String block) {
        String text = read(page);
        int start = text.indexOf(prompt);
        if (start < 0) return;
        int end = text.indexOf("```", start);
        String updated = text.substring(0, start) + block + text.substring(end);
        try {
            Files.writeString(page, updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(updated, read(page));
    }

    private static String read(Path page) {
        try {
            return Files.readString(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
