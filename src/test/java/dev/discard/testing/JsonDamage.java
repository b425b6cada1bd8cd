package dev.discard.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Damages JSON the ways a log or a body gets damaged: cut short, a byte replaced by a JSON character or by any byte,
 * a JSON character inserted. For tests that hold two readers to the same verdicts on whatever they are given.
 */
public final class JsonDamage {
    private static final byte[] JSON_BYTES = "{}[]\",:\\ \n\t0123456789-+.eEtrufalsn\u00e9"
            .getBytes(StandardCharsets.UTF_8);

    private JsonDamage() {}

    /** {@code json} with one to three random damages. */
    public static byte[] damage(byte[] json, Random random) {
        byte[] bytes = json.clone();
        int damages = 1 + random.nextInt(3);
        for (int k = 0; k < damages && bytes.length > 0; k++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes = Arrays.copyOf(bytes, at);
                case 1 -> bytes[at] = JSON_BYTES[random.nextInt(JSON_BYTES.length)];
                case 2 -> bytes[at] = (byte) random.nextInt(256);
                default -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = JSON_BYTES[random.nextInt(JSON_BYTES.length)];
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
            }
        }
        return bytes;
    }
}
