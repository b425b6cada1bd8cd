package dev.discard.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.discard.dedupe.DuplicateFinder.Duplicate;
import dev.discard.dedupe.DuplicateFinder.Image;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DuplicateFinderTest {
    private static final PerceptualHash H = PerceptualHash.parse("e8eac097bf13246a");

    private static Image image(String name, String time, long size, PerceptualHash hash) {
        return new Image(name, LocalDateTime.parse(time), size, hash);
    }

    /** removed name → kept name, in the finder's order. */
    private static List<String> pairs(List<Duplicate> duplicates) {
        return duplicates.stream().map(d -> d.removed().name() + "→" + d.kept().name()).toList();
    }

    @Test
    void keepsTheEarliestOfEqualHashAndSize() {
        List<Image> images = List.of(
                image("c", "2024-01-15T10:02:00", 100, H),
                image("a", "2024-01-15T10:00:00", 100, H),
                image("b", "2024-01-15T10:01:00", 100, H));
        assertEquals(List.of("b→a", "c→a"), pairs(new DuplicateFinder(0).find(images)));
    }

    @Test
    void equalTimesKeepTheFirstName() {
        List<Image> images = List.of(
                image("2024-01-15_10-00-00_b.png", "2024-01-15T10:00:00", 100, H),
                image("2024-01-15_10-00-00_a.png", "2024-01-15T10:00:00", 100, H));
        assertEquals(List.of("2024-01-15_10-00-00_b.png→2024-01-15_10-00-00_a.png"),
                pairs(new DuplicateFinder(0).find(images)));
    }

    @Test
    void sameHashOtherSizeIsNoExactDuplicate() {
        List<Image> images = List.of(
                image("a", "2024-01-15T10:00:00", 100, H),
                image("b", "2024-01-15T10:01:00", 101, H));
        assertEquals(List.of(), pairs(new DuplicateFinder(0).find(images)));
        // A near-duplicate search ignores sizes, and distance 0 is within any N.
        assertEquals(List.of("b→a"), pairs(new DuplicateFinder(1).find(images)));
    }

    @Test
    void onlyImagesOfTheSameDateAreCompared() {
        List<Image> images = List.of(
                image("a", "2024-01-15T23:59:59", 100, H),
                image("b", "2024-01-16T00:00:00", 100, H),
                image("c", "2024-01-16T00:00:01", 100, H));
        assertEquals(List.of("c→b"), pairs(new DuplicateFinder(0).find(images)));
    }

    @Test
    void nearDuplicatesJoinTheEarliestKeptImageWithinReach() {
        PerceptualHash one = new PerceptualHash(H.bits() ^ 0b1);       // 1 bit from H
        PerceptualHash three = new PerceptualHash(H.bits() ^ 0b111);   // 3 bits from H, 2 from one
        List<Image> images = List.of(
                image("a", "2024-01-15T10:00:00", 100, H),
                image("b", "2024-01-15T10:01:00", 200, one),
                image("c", "2024-01-15T10:02:00", 300, three));
        // b is within 2 of a; c is within 2 of b but not of a, and b is no kept image: c is kept.
        assertEquals(List.of("b→a"), pairs(new DuplicateFinder(2).find(images)));
        assertEquals(List.of("b→a", "c→a"), pairs(new DuplicateFinder(3).find(images)));
        assertEquals(List.of(), pairs(new DuplicateFinder(0).find(images)));
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        Random random = new Random(7);
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long flips = (1L << random.nextInt(64)) ^ (1L << random.nextInt(64));
            PerceptualHash hash = new PerceptualHash(H.bits() ^ flips);
            String time = String.format("2024-01-%02dT10:%02d:%02d", 10 + random.nextInt(3), random.nextInt(60),
                    random.nextInt(60));
            images.add(image(String.format("img%03d", i), time, 100 + random.nextInt(3), hash));
        }
        for (int distance : new int[] {0, 2, 4}) {
            List<Duplicate> expected = new DuplicateFinder(distance).find(images);
            List<Image> shuffled = new ArrayList<>(images);
            Collections.shuffle(shuffled, random);
            assertEquals(expected, new DuplicateFinder(distance).find(shuffled));
        }
    }

    @Test
    void refusesDistancesOutsideTheHash() {
        assertThrows(IllegalArgumentException.class, () -> new DuplicateFinder(-1));
        assertThrows(IllegalArgumentException.class, () -> new DuplicateFinder(65));
    }
}
