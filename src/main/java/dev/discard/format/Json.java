package dev.discard.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON configuration of the project: strict JSON, but no size limits below what Discord may send. */
public final class Json {
    private Json() {}

    public static ObjectMapper newMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNestingDepth(10_000)
                        .maxNumberLength(10_000)
                        .build())
                .build();
        return new ObjectMapper(factory);
    }
}
