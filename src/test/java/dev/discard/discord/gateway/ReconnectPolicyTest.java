package dev.discard.discord.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {
    private final ReconnectPolicy policy = ReconnectPolicy.DEFAULT;

    @Test
    void firstAttemptIsImmediateThenTheWaitDoublesUpToTheMaximum() {
        assertEquals(0, policy.delayMillis(1));
        assertEquals(1_000, policy.delayMillis(2));
        assertEquals(2_000, policy.delayMillis(3));
        assertEquals(16_000, policy.delayMillis(6));
        assertEquals(30_000, policy.delayMillis(7));
        assertEquals(30_000, policy.delayMillis(1_000));
    }

    @Test
    void invalidSessionWaitIsBetweenOneAndFiveSecondsByDefault() {
        assertEquals(1_000, policy.invalidSessionDelayMillis(FixedRandom.of(0)));
        assertEquals(3_000, policy.invalidSessionDelayMillis(FixedRandom.of(0.5)));
        assertEquals(4_999, policy.invalidSessionDelayMillis(FixedRandom.of(0.9999)));
    }

    @Test
    void rejectsPoliciesThatCannotWork() {
        Duration second = Duration.ofSeconds(1);
        assertThrows(IllegalArgumentException.class, () -> new ReconnectPolicy(0, second, second, second, second));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(1, second.multipliedBy(2), second, second, second));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(1, second, second, second.multipliedBy(2), second));
    }
}
