package dev.discard.read;

import dev.discard.format.LogFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Looks for a token in every file of a run directory, line by line, gzip files decompressed. Reports where it is,
 * never the token itself. Damaged lines are searched too: a line that does not parse can still leak.
 */
final class TokenScan {
    private final byte[] token;

    TokenScan(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Scans every regular file at or below {@code dir}; returns the number of files scanned. */
    int scan(Path dir, Consumer<Finding> findings) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) scanFile(file, findings);
        return files.size();
    }

    private void scanFile(Path file, Consumer<Finding> findings) {
        try (InputStream in = LogFile.open(file)) {
            LineReader lines = new LineReader(in);
            while (lines.next()) {
                if (contains(lines.buffer(), lines.lineStart(), lines.lineStart() + lines.lineLength(), token)) {
                    findings.accept(Finding.problem(file, lines.lineNumber(), "holds the token"));
                }
            }
        } catch (IOException e) {
            // Damage is reported by the other checks; what was read before it was searched.
        }
    }

    /** Whether {@code b[from, to)} contains the non-empty {@code needle}. */
    static boolean contains(byte[] b, int from, int to, byte[] needle) {
        int last = to - needle.length;
        byte first = needle[0];
        outer:
        for (int i = from; i <= last; i++) {
            if (b[i] != first) continue;
            for (int j = 1; j < needle.length; j++) {
                if (b[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }
}
