package dev.discard.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reading the small pretty-printed meta files: lenient about what is missing, precise about what is broken. */
public final class MetaJson {
    private MetaJson() {}

    /** The file's JSON object. @throws MetaFileException when it cannot be read or is not an object */
    public static JsonNode read(Path file, ObjectMapper mapper) throws MetaFileException {
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new MetaFileException(file, "not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new MetaFileException(file, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new MetaFileException(file, "expected a JSON object");
        return root;
    }

    /** Text of a scalar, null for missing or null. Numbers (ids in meta files) become their digits. */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) return null;
        return node.asText();
    }

    public static Long number(JsonNode node) {
        if (node == null || !node.canConvertToLong()) return null;
        return node.asLong();
    }

    public static Instant time(Path file, JsonNode node, String what) throws MetaFileException {
        String text = text(node);
        if (text == null || text.isEmpty()) return null;
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw new MetaFileException(file, what + " is not a date-time: '" + text + "'");
        }
    }
}
