package dev.discard.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link ImageNames}: what a picture's file is called. */
class ImageNamesTest {
    static final Instant T = Instant.parse("2024-01-15T14:30:25.250Z");

    @Test
    void namesCarryTheMessageTimeInUtc() {
        assertEquals("2024-01-15_14-30-25_signal.png", new ImageNames().next(T, "signal.png", "bin"));
        assertEquals("2024-01-15_14-30-25_image.webp", new ImageNames().next(T, "", "webp"));
        assertEquals("2024-01-15_14-30-25_noext.jpg", new ImageNames().next(T, "noext", "jpg"));
    }

    @Test
    void collisionsAreNumberedInOrderAndAgainTheSameWayOnTheNextRun() {
        for (int run = 0; run < 2; run++) {
            ImageNames names = new ImageNames();
            assertEquals(List.of("2024-01-15_14-30-25_a.png", "2024-01-15_14-30-25_A_2.png",
                    "2024-01-15_14-30-25_a_3.png", "2024-01-15_14-30-26_a.png"), Stream.of(
                            names.next(T, "a.png", "bin"), names.next(T, "A.png", "bin"),
                            names.next(T.plusMillis(700), "a.png", "bin"), names.next(T.plusSeconds(1), "a.png", "bin"))
                    .toList());
        }
    }

    @Test
    void aNumberedNameNeverMeetsAnOriginalOne() {
        ImageNames names = new ImageNames();
        assertEquals("2024-01-15_14-30-25_a_2.png", names.next(T, "a_2.png", "bin"));
        assertEquals("2024-01-15_14-30-25_a.png", names.next(T, "a.png", "bin"));
        assertEquals("2024-01-15_14-30-25_a_3.png", names.next(T, "a.png", "bin"));
    }
}
