package dev.discard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadCommandTest {
    @TempDir Path tmp;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()).run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void readsThePythonExampleOldestFirst() throws Exception {
        Path run = dev.discard.read.PythonExampleAccess.write(tmp);
        int code = run("read", run.resolve("805808489695150180/805808489695150183").toString());
        assertEquals("", err());
        assertEquals(0, code);
        assertEquals(String.join("\n",
                "Channel general (id 805808489695150183)",
                "[2021-02-01 14:35:33.216000] <Sanqui#3248> Hello this is a message today, on the first of February.",
                "[2021-02-01 14:36:01.683000] DiscardTest#9433 joined the server.",
                "[2021-02-01 14:36:19.281000] <Sanqui#3248> The previous message was an invite message.",
                "[2021-02-01 14:36:24.155000] <Sanqui#3248> This message will have a reaction.",
                "[2021-02-01 14:37:12.362000] <Sanqui#3248> This message was edited. (edited)",
                ""), out());
    }
}
