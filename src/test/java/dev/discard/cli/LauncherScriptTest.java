package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher beside the jar (src/main/sh/discard, copied to target/discard): the JVM options it passes, the sharing
 * archive made by the first run and used by the next, the user's options last. A stand-in java records its arguments.
 */
class LauncherScriptTest {
    @TempDir Path tmp;

    private Path install() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bin"));
        Files.copy(Path.of("src/main/sh/discard"), dir.resolve("discard"));
        Files.writeString(dir.resolve("discard.jar"), "not a real jar");
        Path java = dir.resolve("fake-java");
        // Writes the archive when asked to, as the JVM does at exit, and exits 3 so the status is seen to pass through.
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$ARGS_OUT\"\nfor a in \"$@\"; do\n"
                + "  case \"$a\" in -XX:ArchiveClassesAtExit=*) echo archive > \"${a#*=}\" ;; esac\ndone\nexit 3\n");
        java.toFile().setExecutable(true);
        return dir;
    }

    private List<String> run(Path dir, Map<String, String> env, String... args) throws Exception {
        return runScript(dir.resolve("discard"), env, args);
    }

    /** Runs the launcher as {@code script}, which may be a link to it. */
    private List<String> runScript(Path script, Map<String, String> env, String... args) throws Exception {
        Path dir = tmp.resolve("bin");
        List<String> command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Path argsOut = tmp.resolve("args.txt");
        Files.deleteIfExists(argsOut);
        builder.environment().put("JAVA", dir.resolve("fake-java").toString());
        builder.environment().put("ARGS_OUT", argsOut.toString());
        builder.environment().put("DISCARD_CDS_DIR", tmp.resolve("cache").toString());
        builder.environment().remove("DISCARD_JAVA_OPTS");
        builder.environment().remove("DISCARD_CDS");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, process.waitFor(), output);
        return Files.readAllLines(argsOut);
    }

    private List<Path> archives() throws IOException {
        if (!Files.isDirectory(tmp.resolve("cache"))) return List.of();
        try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
            return files.toList();
        }
    }

    @Test
    void firstRunMakesTheSharingArchiveAndLaterRunsUseIt() throws Exception {
        Path dir = install();
        List<String> first = run(dir, Map.of(), "channel", "1");
        assertTrue(first.containsAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms16m", "-Xmx256m")),
                first.toString());
        assertTrue(first.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")), first.toString());
        assertEquals(List.of("-jar", dir.resolve("discard.jar").toString(), "channel", "1"),
                first.subList(first.size() - 4, first.size()));
        List<Path> made = archives();
        assertEquals(1, made.size(), made.toString());
        assertTrue(made.get(0).getFileName().toString().matches("discard-.*\\.jsa"), made.toString());

        Path link = Files.createSymbolicLink(tmp.resolve("discard-link"), dir.resolve("discard"));
        List<String> second = runScript(link, Map.of("DISCARD_JAVA_OPTS", "-Xmx1g"), "read", "x");
        assertTrue(second.contains("-XX:SharedArchiveFile=" + made.get(0)), second.toString());
        assertTrue(second.indexOf("-Xmx1g") > second.indexOf("-Xmx256m"), "the user's options win: " + second);
        assertEquals(made, archives());
    }

    @Test
    void exportsGetBothCompilersAndOtherCommandsTheClientCompilerOnly() throws Exception {
        Path dir = install();
        List<String> warc = run(dir, Map.of(), "-v", "export", "warc", "run");
        assertFalse(warc.stream().anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel")), warc.toString());
        assertTrue(warc.contains("-XX:+UseSerialGC"), warc.toString());
        List<String> read = run(dir, Map.of(), "read", "exported");
        assertTrue(read.contains("-XX:TieredStopAtLevel=1"), read.toString());
    }

    @Test
    void versionHelpAndOptOutMakeNoArchive() throws Exception {
        Path dir = install();
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"-h"}, new String[] {"read", "--help"})) {
            List<String> passed = run(dir, Map.of(), args);
            assertFalse(passed.stream().anyMatch(a -> a.contains("Archive")), passed.toString());
        }
        List<String> off = run(dir, Map.of("DISCARD_CDS", "off"), "channel", "1");
        assertFalse(off.stream().anyMatch(a -> a.contains("Archive")), off.toString());
        assertTrue(off.contains("-XX:+UseSerialGC"), off.toString());
        assertEquals(List.of(), archives());
    }

    /** Issue 25, item 14: the first run says on a terminal, once, why it takes longer; never in a pipe. */
    @Test
    void theFirstRunSaysOnATerminalThatItWritesTheArchive() throws Exception {
        Path dir = install();
        Path argsOut = tmp.resolve("args.txt");
        String launcher = "JAVA=" + dir.resolve("fake-java") + " ARGS_OUT=" + argsOut + " DISCARD_CDS_DIR="
                + tmp.resolve("cache") + " sh " + dir.resolve("discard") + " profile";
        List<String> terminal = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            // script(1) gives the launcher a terminal, as a person's shell does.
            ProcessBuilder builder = new ProcessBuilder("script", "-qec", launcher, "/dev/null")
                    .redirectErrorStream(true);
            builder.environment().remove("DISCARD_CDS");
            Process process = builder.start();
            terminal.add(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            process.waitFor();
        }
        assertTrue(terminal.get(0).contains("first run of this discard.jar: it also writes a class-data archive"),
                terminal.get(0));
        assertFalse(terminal.get(1).contains("class-data archive"), "once: " + terminal.get(1));
        Files.walk(tmp.resolve("cache")).filter(f -> f.toString().endsWith(".jsa")).forEach(f -> f.toFile().delete());
        Path pipe = Files.createDirectories(tmp.resolve("pipe"));
        ProcessBuilder piped = new ProcessBuilder("sh", dir.resolve("discard").toString(), "profile")
                .redirectErrorStream(true);
        piped.environment().put("JAVA", dir.resolve("fake-java").toString());
        piped.environment().put("ARGS_OUT", argsOut.toString());
        piped.environment().put("DISCARD_CDS_DIR", pipe.toString());
        piped.environment().remove("DISCARD_CDS");
        Process process = piped.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        assertEquals("", output, "not a terminal: nothing said");
    }
}
