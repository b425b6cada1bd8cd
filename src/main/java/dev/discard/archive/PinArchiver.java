package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.ApiRequest;
import dev.discard.discord.ApiResponse;
import dev.discard.discord.DiscordUnreachableException;
import dev.discard.discord.ExchangeSink;
import dev.discard.discord.ListPages;
import dev.discard.discord.Routes;
import dev.discard.format.Snowflake;
import java.io.IOException;

/**
 * Records a channel's pins: {@code GET /channels/{id}/messages/pins}, 50 a page, newest pin first, paged with
 * {@code before} = the last {@code pinned_at} while {@code has_more}; on servers without that route (404) the older
 * {@code GET /channels/{id}/pins}, which answers all pins at once. See
 * https://discord.com/developers/docs/resources/message#get-channel-pins. Pins are optional: a failure (a refusal,
 * an error that outlived the retries, no answer at all) is recorded and noted, and the run goes on.
 */
final class PinArchiver {
    static final int PAGE = 50;

    private final ArchiveContext context;

    PinArchiver(ArchiveContext context) {
        this.context = context;
    }

    /**
     * @param guildStem where a failure is noted
     * @return the pins found before any failure
     */
    long archive(long channelId, String guildStem, ExchangeSink log) throws IOException, InterruptedException {
        long[] pins = {0};
        boolean[] old = {false};
        try {
            ListPages.walk(context.rest, Routes.messagePins(channelId), PAGE, "before", null, log,
                    (response, before) -> {
                        if (response.status() == 404 && before == null) {
                            old[0] = true;
                            return null;
                        }
                        JsonNode items = response.json().path("items");
                        if (!response.isSuccessful() || !items.isArray()) {
                            note(channelId, guildStem, response);
                            return null;
                        }
                        pins[0] += items.size();
                        String last = items.isEmpty() ? null : Ids.text(items.get(items.size() - 1), "pinned_at");
                        return response.json().path("has_more").asBoolean(false) ? last : null;
                    });
        } catch (DiscordUnreachableException e) {
            context.notes.add(guildStem, "pins of channel " + Snowflake.toString(channelId) + ": " + e.getMessage());
        }
        if (old[0]) return oldPins(channelId, guildStem, log);
        context.counters.pins.add(pins[0]);
        return pins[0];
    }

    private long oldPins(long channelId, String guildStem, ExchangeSink log) throws IOException, InterruptedException {
        ApiResponse response = context.rest.get(ApiRequest.get(Routes.oldPins(channelId)), log);
        long pins = response.isSuccessful() && response.json().isArray() ? response.json().size() : 0;
        if (!response.isSuccessful() || !response.json().isArray()) note(channelId, guildStem, response);
        context.counters.pins.add(pins);
        return pins;
    }

    private void note(long channelId, String guildStem, ApiResponse response) {
        context.notes.add(guildStem, "pins of channel " + Snowflake.toString(channelId) + ": "
                + (response.isSuccessful() ? "expected pins but the answer was not a list (HTTP " + response.status()
                        + ")" : ExtraNotes.answer(response)));
    }
}
