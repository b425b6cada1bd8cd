package dev.discard.pictures;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.ApiRequest;
import dev.discard.discord.DiscordRest;
import dev.discard.discord.ExchangeSink;
import dev.discard.discord.MessagePages;
import dev.discard.discord.Routes;
import dev.discard.format.Snowflake;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the channel {@code discard media} was given: by id ({@code GET /channels/{id}}), or by name inside a guild
 * given by name or id ({@code GET /users/@me/guilds}, then {@code GET /guilds/{id}/channels}). A name matches exactly,
 * else without regard to case; a leading {@code #} is ignored; more than one match is an error that lists the ids.
 */
final class ChannelLookup {
    /** The most guilds {@code GET /users/@me/guilds} returns per page. */
    static final int GUILD_PAGE = 200;
    private static final int CATEGORY = 4;

    private final DiscordRest rest;
    private final ExchangeSink sink;

    ChannelLookup(DiscordRest rest, ExchangeSink sink) {
        this.rest = rest;
        this.sink = sink;
    }

    /** The channel object as Discord sent it. */
    JsonNode find(String channel, String guild) throws IOException, InterruptedException {
        if (isId(channel)) {
            return rest.get(ApiRequest.get(Routes.channel(channel)), sink).require("channel " + channel, false);
        }
        if (guild == null) {
            throw new IllegalArgumentException("'" + channel + "' is a channel name: pass --guild too, or the channel id");
        }
        String guildId = isId(guild) ? guild : guildId(guild);
        JsonNode channels = rest.get(ApiRequest.get(Routes.guildChannels(guildId)), sink)
                .require("guild " + guild + " channels", true);
        List<JsonNode> candidates = new ArrayList<>();
        channels.forEach(c -> {
            if (c.path("type").asInt() != CATEGORY) candidates.add(c);
        });
        String name = channel.startsWith("#") ? channel.substring(1) : channel;
        return pick(candidates, name, "channel", "in guild " + guild);
    }

    private String guildId(String name) throws IOException, InterruptedException {
        List<JsonNode> guilds = new ArrayList<>();
        long after = 0;
        while (true) {
            ApiRequest request = ApiRequest.get(Routes.MY_GUILDS).param("limit", GUILD_PAGE).param("after", Snowflake.number(after));
            JsonNode page = rest.get(request, sink).require("guilds", true);
            long largest = after;
            for (JsonNode g : page) {
                guilds.add(g);
                long id = Snowflake.of(g, "id");
                if (id != -1) largest = Snowflake.max(largest, id);
            }
            if (page.size() < GUILD_PAGE || largest == after) break;
            after = largest;
        }
        return pick(guilds, name, "guild", "among the account's " + guilds.size() + " guilds").path("id").asText();
    }

    private static JsonNode pick(List<JsonNode> all, String name, String what, String where) throws MediaException {
        List<JsonNode> found = matches(all, n -> n.equals(name));
        if (found.isEmpty()) found = matches(all, n -> n.equalsIgnoreCase(name));
        if (found.isEmpty()) throw new MediaException("no " + what + " named '" + name + "' " + where);
        if (found.size() > 1) {
            List<String> ids = found.stream().map(c -> c.path("id").asText()).toList();
            throw new MediaException("several " + what + "s named '" + name + "' " + where + ": "
                    + String.join(", ", ids) + "; give the id instead");
        }
        return found.get(0);
    }

    private static List<JsonNode> matches(List<JsonNode> all, Function<String, Boolean> test) {
        return all.stream().filter(c -> c.path("name").isTextual() && test.apply(c.path("name").textValue())).toList();
    }

    static boolean isId(String text) {
        return text != null && !text.isEmpty() && text.length() <= 19 && text.chars().allMatch(c -> c >= '0' && c <= '9')
                && text.chars().anyMatch(c -> c != '0');
    }
}
