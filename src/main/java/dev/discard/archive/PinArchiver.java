package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.ApiRequest;
import dev.discard.discord.ApiResponse;
import dev.discard.discord.ExchangeSink;
import dev.discard.discord.ListPages;
import dev.discard.discord.Routes;
import java.io.IOException;

/**
 * Records a channel's pins: {@code GET /channels/{id}/messages/pins}, 50 a page, newest pin first, paged with
 * {@code before} = the last {@code pinned_at} while {@code has_more}; on servers without that route (404) the older
 * {@code GET /channels/{id}/pins}, which answers all pins at once. See
 * https://discord.com/developers/docs/resources/message#get-channel-pins.
 */
final class PinArchiver {
    static final int PAGE = 50;

    private final ArchiveContext context;

    PinArchiver(ArchiveContext context) {
        this.context = context;
    }

    /** @return the pins found; a refusal is recorded and counts none */
    long archive(long channelId, ExchangeSink log) throws IOException, InterruptedException {
        long[] pins = {0};
        boolean[] complete = {true};
        boolean[] old = {false};
        ListPages.walk(context.rest, Routes.messagePins(channelId), PAGE, "before", null, log, (response, before) -> {
            if (response.status() == 404 && before == null) {
                old[0] = true;
                return null;
            }
            JsonNode items = response.json().path("items");
            if (!response.isSuccessful() || !items.isArray()) {
                complete[0] = false;
                return null;
            }
            pins[0] += items.size();
            String last = items.isEmpty() ? null : Ids.text(items.get(items.size() - 1), "pinned_at");
            return response.json().path("has_more").asBoolean(false) ? last : null;
        });
        if (old[0]) return oldPins(channelId, log);
        // As before the paging helper: a refused page ends the count without adding it to the run's total.
        if (complete[0]) context.counters.pins.add(pins[0]);
        return pins[0];
    }

    private long oldPins(long channelId, ExchangeSink log) throws IOException, InterruptedException {
        ApiResponse response = context.rest.get(ApiRequest.get(Routes.oldPins(channelId)), log);
        long pins = response.isSuccessful() && response.json().isArray() ? response.json().size() : 0;
        context.counters.pins.add(pins);
        return pins;
    }
}
