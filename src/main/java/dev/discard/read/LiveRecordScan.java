package dev.discard.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.format.LogFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A quick pass over a log for its {@code ws} records alone (the live dispatches of a {@code --follow} run), which a
 * reader needs before it prints the messages they change. Lines are tested on their bytes and only a websocket
 * record's line is parsed. Damage is skipped silently: the reading pass over the same files reports it.
 */
public final class LiveRecordScan {
    private static final byte[] WS = "\"ws\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TYPE = "\"type\"".getBytes(StandardCharsets.US_ASCII);
    /** Records of both writers start with their type: the head of a line is enough to tell a ws record. */
    private static final int HEAD = 96; // bytes

    private LiveRecordScan() {}

    /** Hands each parseable {@code ws} record of the files, in order, to {@code each}. */
    public static void scan(List<LogFile> files, ObjectMapper mapper, Consumer<ArchiveRecord> each) {
        RecordParser parser = new RecordParser(mapper);
        for (LogFile file : files) {
            try (InputStream in = file.open()) {
                LineReader lines = new LineReader(in);
                while (lines.next()) {
                    byte[] b = lines.buffer();
                    int start = lines.lineStart();
                    int end = start + lines.lineLength();
                    int head = Math.min(end, start + HEAD);
                    boolean candidate = contains(b, start, head, WS)
                            || !contains(b, start, head, TYPE) && contains(b, start, end, WS);
                    if (!candidate) continue;
                    ArchiveRecord r;
                    try {
                        r = parser.parse(file.path(), lines.lineNumber(), lines.lineOffset(),
                                Arrays.copyOfRange(b, start, end), null);
                    } catch (IOException e) {
                        continue;
                    }
                    if (r.isWs()) each.accept(r);
                }
            } catch (IOException e) {
                // a damaged or truncated file: what was read counts; the reading pass reports the damage
            }
        }
    }

    private static boolean contains(byte[] b, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i + needle.length <= to; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (b[i + k] != needle[k]) continue outer;
            }
            return true;
        }
        return false;
    }
}
