package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.FilterReply;
import dev.discard.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** --version, shell completion, and the console's log threshold. */
class ShellConventionsTest {
    @TempDir Path tmp;

    @Test
    void versionNamesDiscardJavaAndOkHttpAfterAnyCommand() {
        List<String> expected = List.of("discard " + dev.discard.archive.ClientInfo.VERSION,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                "OkHttp " + okhttp3.OkHttp.VERSION);
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"-V"}, new String[] {"channel", "-V"},
                new String[] {"read", "--version"}, new String[] {"generate-completion", "--version"})) {
            CliRun run = CliRun.run(Map.of(), args);
            assertEquals(0, run.exitCode, run.toString());
            assertEquals(expected, run.out.lines().toList(), String.join(" ", args));
            assertEquals("", run.err);
        }
        assertEquals("1.0.0", dev.discard.archive.ClientInfo.VERSION, "kept in step with the pom");
    }

    @Test
    void generateCompletionPrintsABashAndZshScriptForEveryCommandAndOption() {
        CliRun run = CliRun.run(Map.of(), "generate-completion");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals("", run.err);
        String script = run.out;
        assertTrue(script.startsWith("#!/usr/bin/env bash"), script.lines().findFirst().orElse(""));
        assertTrue(script.contains("bashcompinit"), "zsh runs it through bashcompinit");
        assertTrue(script.contains("local commands=\"profile channel guild dm read summary verify media dedupe index search export"
                + " generate-completion\""), script);
        assertTrue(script.contains("complete -F _complete_discard"), script);
        for (String option : List.of("--gzip", "--incremental", "--resume", "-q --quiet", "--max-distance",
                "--oldest")) {
            assertTrue(script.contains(option), option);
        }
    }

    @Test
    void bashCompletesCommandsAndOptionsWithTheScript() throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "bash is needed to try the script");
        Path script = tmp.resolve("discard-completion.bash");
        Files.writeString(script, CliRun.run(Map.of(), "generate-completion").out, StandardCharsets.UTF_8);
        String probe = "source '" + script + "'\n"
                + "COMP_WORDS=(discard gu); COMP_CWORD=1; COMP_LINE='discard gu'; COMP_POINT=10\n"
                + "_complete_discard discard gu discard; echo \"1:${COMPREPLY[*]}\"\n"
                + "COMP_WORDS=(discard guild --incr); COMP_CWORD=2; COMP_LINE='discard guild --incr'; COMP_POINT=20\n"
                + "COMPREPLY=(); _complete_discard discard --incr guild; echo \"2:${COMPREPLY[*]}\"\n";
        Process process = new ProcessBuilder(bash.toString(), "-c", probe).redirectErrorStream(false).start();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out.contains("1:guild\n"), out);
        assertTrue(out.contains("2:--incremental\n"), out);
    }

    @Test
    void verboseShowsDebugLinesOnTheConsoleAndQuietOnlyErrors() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Appender<ch.qos.logback.classic.spi.ILoggingEvent> console =
                context.getLogger("ROOT").getAppender(ConsoleLog.APPENDER);
        ch.qos.logback.classic.Logger logger = context.getLogger("dev.discard.test");
        LoggingEvent debug = new LoggingEvent("x", logger, Level.DEBUG, "a debug line", null, null);
        LoggingEvent warn = new LoggingEvent("x", logger, Level.WARN, "a warning", null, null);
        assertEquals(FilterReply.DENY, console.getFilterChainDecision(debug), "logback.xml: WARN and up");
        assertEquals(FilterReply.NEUTRAL, console.getFilterChainDecision(warn));
        try (ConsoleLog verbose = ConsoleLog.open(true, false)) {
            assertEquals(FilterReply.NEUTRAL, console.getFilterChainDecision(debug));
        }
        assertEquals(FilterReply.DENY, console.getFilterChainDecision(debug), "back to logback.xml's threshold");
        try (ConsoleLog quiet = ConsoleLog.open(false, true)) {
            assertEquals(FilterReply.DENY, console.getFilterChainDecision(warn));
        }
        assertEquals(FilterReply.NEUTRAL, console.getFilterChainDecision(warn));
    }
}
