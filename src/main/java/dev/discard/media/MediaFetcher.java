package dev.discard.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.ApiRequest;
import dev.discard.discord.ApiResponse;
import dev.discard.discord.DiscordApiException;
import dev.discard.discord.DiscordRest;
import dev.discard.discord.ExchangeSink;
import dev.discard.discord.Routes;
import dev.discard.format.SignedUrls;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Downloads one piece of media the way that works: the original URL; when the CDN answers 403 or 404 for a signed
 * URL (expired), the message fetched again ({@code GET /channels/{c}/messages/{m}}) for a freshly signed URL, tried
 * once; when the original is gone, Discord's proxied copy. The token goes only to the API, through {@link DiscordRest}.
 */
public final class MediaFetcher {
    private final Downloader downloader;
    /** Null when there is no token (a run from an archive without one): expired URLs then fail. */
    private final DiscordRest rest;

    public MediaFetcher(Downloader downloader, DiscordRest rest) {
        this.downloader = downloader;
        this.rest = rest;
    }

    /**
     * A download and where it came from. Immutable.
     *
     * @param url the URL that answered
     * @param refreshed whether that URL came from fetching the message again
     */
    public record Result(Downloader.Fetched fetched, String url, boolean refreshed) {}

    /**
     * @param sink where the message refetch is recorded (the channel's log in an archive run)
     * @throws Downloader.FailedException with the original URL's failure when nothing worked
     */
    public Result fetch(MediaRef ref, long channelId, Path dir, ExchangeSink sink)
            throws Downloader.FailedException, InterruptedException {
        try {
            return new Result(downloader.fetch(ref.url(), dir), ref.url(), false);
        } catch (Downloader.FailedException e) {
            Downloader.FailedException failure = e;
            if ((e.status() == 403 || e.status() == 404) && SignedUrls.isSigned(ref.url()) && rest != null
                    && ref.messageId() != 0) {
                String fresh;
                try {
                    fresh = freshUrl(ref, channelId, sink);
                } catch (IOException unreachable) {
                    throw new Downloader.FailedException(e.getMessage() + " (signed URL expired, and the API at "
                            + rest.baseUrl() + " that renews it cannot be reached: " + unreachable.getMessage()
                            + "; give --api-url)", e.status(), unreachable);
                }
                if (fresh != null && !fresh.equals(ref.url())) {
                    try {
                        return new Result(downloader.fetch(fresh, dir), fresh, true);
                    } catch (Downloader.FailedException again) {
                        failure = again;
                    }
                } else {
                    failure = new Downloader.FailedException(e.getMessage() + " (signed URL expired; the message "
                            + (fresh == null ? "is gone" : "still has the same URL") + ")", e.status(), e);
                }
            }
            String fallback = ref.fallbackUrl();
            if (fallback != null && !fallback.equals(ref.url())) {
                try {
                    return new Result(downloader.fetch(fallback, dir), fallback, false);
                } catch (Downloader.FailedException ignored) {
                    // The original's failure is the one to report.
                }
            }
            throw failure;
        }
    }

    /**
     * The same file's URL in the message as Discord serves it now, or null when the message or file is gone.
     *
     * @throws IOException when the API cannot be reached at all
     */
    private String freshUrl(MediaRef ref, long channelId, ExchangeSink sink) throws IOException, InterruptedException {
        ApiResponse response;
        try {
            response = rest.get(ApiRequest.get(Routes.message(channelId, ref.messageId())), sink);
        } catch (DiscordApiException refused) {
            return null; // A refused token renews nothing: the original's failure is the one to report.
        }
        if (!response.isSuccessful() || !response.json().isObject()) return null;
        String key = ref.key();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(response.json());
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isTextual()) {
                if (key.equals(SignedUrls.key(node.textValue()))) return node.textValue();
            } else {
                node.forEach(todo::push);
            }
        }
        return null;
    }
}
