package dev.discard.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --after}/{@code --before} as Discard does: {@code YYYY-MM-DD}, {@code YYYY-MM-DDTHH:MM:SS} or
 * {@code YYYY-MM-DD HH:MM:SS}, always UTC. A trailing {@code Z} is accepted; any other offset is refused, so that
 * nobody believes a local time was honoured.
 */
final class UtcDateTimeConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        String v = value.strip();
        if (v.endsWith("Z") || v.endsWith("z")) v = v.substring(0, v.length() - 1);
        try {
            if (v.length() == 10) return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
            return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value
                    + "' is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS (UTC)");
        }
    }
}
