package dev.discard.cli;

import dev.discard.format.Snowflake;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a channel or guild id; a bad one is a usage error that says what an id looks like. */
final class IdConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return Snowflake.parse(value.strip());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
