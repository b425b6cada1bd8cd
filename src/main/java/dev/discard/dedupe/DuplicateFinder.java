package dev.discard.dedupe;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides which images duplicate an earlier one, comparing only images of the same date, as DiscordPicExtract does.
 *
 * <p>Images are taken in time order (equal times in name order). Each one either becomes a kept image of its date or
 * joins the group of the earliest kept image it matches, so the kept image of every group is its earliest, and the
 * result does not depend on the order the images were hashed in. With {@code maxDistance} 0, two images match when
 * their perceptual hashes and their file sizes are both equal. With {@code maxDistance} N > 0 they match when the
 * hashes differ in at most N bits, whatever the sizes: a re-encode changes the size. No two kept images of a date
 * match each other.
 */
public final class DuplicateFinder {
    /** An image that was hashed, with the facts the comparison uses. */
    public record Image(String name, LocalDateTime timestamp, long size, PerceptualHash hash) {
        public Image {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(hash, "hash");
        }
    }

    /** {@code removed} is skipped as a duplicate of {@code kept}, which is no later than it. */
    public record Duplicate(Image removed, Image kept) {}

    private static final Comparator<Image> TIME_ORDER =
            Comparator.comparing(Image::timestamp).thenComparing(Image::name);

    private final int maxDistance;

    public DuplicateFinder(int maxDistance) {
        if (maxDistance < 0 || maxDistance > 64) {
            throw new IllegalArgumentException("expected a distance from 0 to 64 bits but was " + maxDistance);
        }
        this.maxDistance = maxDistance;
    }

    /** The duplicates among {@code images}, in time order of the removed image. */
    public List<Duplicate> find(List<Image> images) {
        List<Image> ordered = new ArrayList<>(images);
        ordered.sort(TIME_ORDER);
        List<Duplicate> duplicates = new ArrayList<>();
        LocalDate date = null;
        // The kept images of the current date: looked up by key for exact matches, scanned for near ones.
        Map<Key, Image> keptByKey = new HashMap<>();
        List<Image> kept = new ArrayList<>();
        for (Image image : ordered) {
            LocalDate imageDate = image.timestamp().toLocalDate();
            if (!imageDate.equals(date)) {
                date = imageDate;
                kept.clear();
                keptByKey.clear();
            }
            Image match = maxDistance == 0 ? keptByKey.get(Key.of(image)) : nearEnough(kept, image);
            if (match != null) {
                duplicates.add(new Duplicate(image, match));
            } else if (maxDistance == 0) {
                keptByKey.put(Key.of(image), image);
            } else {
                kept.add(image);
            }
        }
        return duplicates;
    }

    /** The earliest kept image within {@code maxDistance} bits of {@code image}, or null. */
    private Image nearEnough(List<Image> kept, Image image) {
        for (Image candidate : kept) {
            if (candidate.hash().distanceTo(image.hash()) <= maxDistance) return candidate;
        }
        return null;
    }

    /** What makes two images exact duplicates: hash and size. */
    private record Key(long hash, long size) {
        static Key of(Image image) {
            return new Key(image.hash().bits(), image.size());
        }
    }
}
