package dev.discard.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IndexIdsTest {
    @Test
    void padsToTwentyDigitsSoThatTextOrderIsUnsignedOrder() {
        String below = IndexIds.of("9223372036854775807"); // 2^63 - 1
        String above = IndexIds.of("9223372036854775808"); // 2^63
        String max = IndexIds.of("18446744073709551615"); // 2^64 - 1
        assertEquals("09223372036854775807", below);
        assertEquals("00000000000000000042", IndexIds.of("42"));
        assertTrue(IndexIds.of("42").compareTo(below) < 0);
        assertTrue(below.compareTo(above) < 0);
        assertTrue(above.compareTo(max) < 0);
        assertEquals(above, IndexIds.of(Long.MIN_VALUE));
        assertEquals("9223372036854775808", IndexIds.display(above));
        assertEquals("0", IndexIds.display(IndexIds.of(0)));
    }

    @Test
    void refusesWhatIsNotAnUnsigned64BitNumber() {
        assertNull(IndexIds.of("18446744073709551616"));
        assertNull(IndexIds.of("-1"));
        assertNull(IndexIds.of("12a"));
        assertNull(IndexIds.of(""));
        assertNull(IndexIds.of((String) null));
    }

    @Test
    void rowidsSortAsIdsAcross2To63() {
        long below = Long.MAX_VALUE;
        long above = Long.MIN_VALUE; // 2^63 unsigned
        long max = -1L; // 2^64 - 1 unsigned
        assertTrue(IndexIds.rowid(0) < IndexIds.rowid(below));
        assertTrue(IndexIds.rowid(below) < IndexIds.rowid(above));
        assertTrue(IndexIds.rowid(above) < IndexIds.rowid(max));
        assertEquals(above, IndexIds.fromRowid(IndexIds.rowid(above)));
    }
}
