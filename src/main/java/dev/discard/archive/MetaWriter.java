package dev.discard.archive;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.discard.format.OutputFiles;
import dev.discard.format.Scrubber;
import dev.discard.format.WriteFailedException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes meta files as Discard does: pretty JSON with four-space indents, UTF-8, non-ASCII as is. A meta file that is
 * rewritten (run.meta.json at the end of a run) is replaced atomically, so a reader never sees half of one. Every
 * string value is scrubbed of the token, whichever carried it (a URL, a path, a name), and nothing else: keys and
 * structure stay, so the file is valid JSON whatever the token is. A write that
 * fails throws {@link WriteFailedException} and leaves neither a half meta file nor a {@code .tmp} one.
 */
final class MetaWriter {
    private final ObjectWriter writer;
    private final Scrubber scrubber;
    private final OutputFiles files;

    MetaWriter(ObjectMapper mapper, Scrubber scrubber, OutputFiles files) {
        this.scrubber = scrubber;
        this.files = files;
        DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
        DefaultPrettyPrinter printer = new PythonStylePrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        this.writer = mapper.writer(printer);
    }

    /** Writes a meta file: a new one, or, in a resumed run, one the interrupted run wrote. */
    void write(Path file, JsonNode meta, boolean resuming) throws IOException {
        if (resuming) replace(file, meta);
        else create(file, meta);
    }

    /** How the run's files are created; logs use it too. */
    OutputFiles files() {
        return files;
    }

    /** Writes a meta file that must not exist yet. */
    void create(Path file, JsonNode meta) throws IOException {
        byte[] bytes = bytes(meta);
        OutputStream out;
        try {
            out = files.create(file);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw new WriteFailedException(file, e);
        }
        try (out) {
            out.write(bytes);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw new WriteFailedException(file, e);
        }
    }

    /** Replaces a meta file this run wrote before, atomically where the file system allows. */
    void replace(Path file, JsonNode meta) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        // Left by a run that was killed mid-write; ours to replace.
        Files.deleteIfExists(temp);
        try {
            create(temp, meta);
        } catch (WriteFailedException e) {
            Files.deleteIfExists(temp);
            throw new WriteFailedException(file, (IOException) e.getCause());
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Jackson's pretty printer, but with {@code []} and {@code {}} for empty containers, as Python writes them. */
    private static final class PythonStylePrinter extends DefaultPrettyPrinter {
        PythonStylePrinter() {}

        PythonStylePrinter(PythonStylePrinter base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new PythonStylePrinter(this);
        }

        @Override
        public DefaultPrettyPrinter withSeparators(Separators separators) {
            PythonStylePrinter copy = new PythonStylePrinter(this);
            copy._separators = separators;
            copy._objectFieldValueSeparatorWithSpaces = separators.getObjectFieldValueSpacing()
                    .apply(separators.getObjectFieldValueSeparator());
            copy._objectEntrySeparator = separators.getObjectEntrySpacing().apply(separators.getObjectEntrySeparator());
            copy._arrayValueSeparator = separators.getArrayValueSpacing().apply(separators.getArrayValueSeparator());
            return copy;
        }

        @Override
        public void writeEndArray(com.fasterxml.jackson.core.JsonGenerator g, int values) throws IOException {
            if (values == 0) {
                _nesting--;
                g.writeRaw(']');
            } else {
                super.writeEndArray(g, values);
            }
        }

        @Override
        public void writeEndObject(com.fasterxml.jackson.core.JsonGenerator g, int entries) throws IOException {
            if (entries == 0) {
                _nesting--;
                g.writeRaw('}');
            } else {
                super.writeEndObject(g, entries);
            }
        }
    }

    private byte[] bytes(JsonNode meta) throws IOException {
        JsonNode scrubbed = meta.deepCopy();
        scrubber.scrubValues(scrubbed);
        return (writer.writeValueAsString(scrubbed) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
