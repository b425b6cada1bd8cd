package dev.discard.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DatedImageNameTest {
    @Test
    void readsDiscordPicExtractNames() {
        assertEquals(Optional.of(LocalDateTime.of(2024, 1, 15, 14, 30, 25)),
                DatedImageName.timestamp("2024-01-15_14-30-25_signal.png"));
        assertEquals(Optional.of(LocalDateTime.of(2024, 1, 15, 0, 0, 0)),
                DatedImageName.timestamp("2024-01-15_00-00-00_a_b-c 2024-02-01_10-00-00.jpeg"));
        assertEquals(Optional.of(LocalDateTime.of(2023, 12, 31, 23, 59, 59)),
                DatedImageName.timestamp("2023-12-31_23-59-59_图片.webp"));
    }

    @Test
    void acceptsANameEndingAfterTheSeconds() {
        assertEquals(Optional.of(LocalDateTime.of(2024, 2, 29, 8, 5, 0)),
                DatedImageName.timestamp("2024-02-29_08-05-00.png"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "IMG_0001.png",
        "signal_2024-01-15_14-30-25.png",   // the date must come first
        "2024-01-15 14-30-25_signal.png",   // space instead of _
        "2024-01-15_14-30_signal.png",      // no seconds
        "2024-01-15_14-30-25signal.png",    // nothing between seconds and name
        "2024-02-30_10-00-00_x.png",        // no such day
        "2023-02-29_10-00-00_x.png",        // not a leap year
        "2024-01-15_24-00-00_x.png",        // no such hour
        "２０２４-01-15_14-30-25_x.png",     // full-width digits
        ""
    })
    void refusesOtherNames(String name) {
        assertEquals(Optional.empty(), DatedImageName.timestamp(name));
    }
}
