package dev.discard.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard test server, as issue 2 describes it: a guild with a category, text, voice and announcement channels,
 * one channel hidden by an @everyone deny, one reopened by a member overwrite, one without READ_MESSAGE_HISTORY;
 * 260 messages in #general (edited, system, non-ASCII and escaped content), a reaction by 150 users, a custom emoji
 * reaction and a burst reaction.
 */
public final class Fixtures {
    public static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.fake-token-for-tests_0123456789";
    public static final long BOT_ID = 700000000000000001L;
    public static final long OWNER_ID = 700000000000000099L;
    public static final long GUILD_ID = 800000000000000001L;
    public static final long ROLE_ARCHIVISTS = 800000000000000010L;
    public static final long CATEGORY = 810000000000000001L;
    public static final long GENERAL = 810000000000000002L;
    public static final long ANNOUNCEMENTS = 810000000000000003L;
    public static final long VOICE = 810000000000000004L;
    public static final long STAFF = 810000000000000005L;
    public static final long REOPENED = 810000000000000006L;
    public static final long NO_HISTORY = 810000000000000007L;
    public static final long CUSTOM_EMOJI = 820000000000000001L;
    /** The first message of #general; one follows every 10 minutes. */
    public static final Instant GENERAL_START = Instant.parse("2021-02-01T12:00:00Z");
    public static final int GENERAL_MESSAGES = 260;
    public static final long VIEW_CHANNEL = 1L << 10;
    public static final long SEND_MESSAGES = 1L << 11;
    public static final long READ_MESSAGE_HISTORY = 1L << 16;
    public static final long CONNECT = 1L << 20;

    private Fixtures() {}

    public static FakeDiscord standard() {
        return standard(TOKEN, false);
    }

    public static FakeDiscord standard(String token, boolean userAccount) {
        return build(token, userAccount, GENERAL_MESSAGES, 150);
    }

    /** The same server, small enough to read: the run tree of {@code example/}. */
    public static FakeDiscord example() {
        return build(TOKEN, false, 15, 3);
    }

    private static FakeDiscord build(String token, boolean userAccount, int generalMessages, int manyReactions) {
        FakeDiscord d = new FakeDiscord(token, userAccount, selfUser(userAccount));
        ObjectNode owner = d.user(OWNER_ID, "sanqui");
        FakeGuild g = d.guild(GUILD_ID, "Discard Test Server ✨", OWNER_ID);
        g.addRole(GUILD_ID, "@everyone", VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | CONNECT);
        g.addRole(ROLE_ARCHIVISTS, "Archivists", 0);
        g.addMember(d.self(), ROLE_ARCHIVISTS);
        g.addMember(owner);
        ObjectNode emoji = g.json().withArray("emojis").addObject();
        emoji.put("id", Long.toString(CUSTOM_EMOJI)).put("name", "blobcat").putArray("roles");
        emoji.put("require_colons", true).put("managed", false).put("animated", false).put("available", true);

        d.channel(g, CATEGORY, 4, "Text Channels", null);
        FakeChannel general = d.channel(g, GENERAL, 0, "general", CATEGORY);
        FakeChannel announcements = d.channel(g, ANNOUNCEMENTS, 5, "announcements", CATEGORY);
        d.channel(g, VOICE, 2, "Voice", CATEGORY);
        FakeChannel staff = d.channel(g, STAFF, 0, "staff", CATEGORY).hiddenFromBot();
        overwrite(staff.json(), GUILD_ID, 0, 0, VIEW_CHANNEL);
        FakeChannel reopened = d.channel(g, REOPENED, 0, "reopened", CATEGORY);
        overwrite(reopened.json(), GUILD_ID, 0, 0, VIEW_CHANNEL);
        overwrite(reopened.json(), BOT_ID, 1, VIEW_CHANNEL, 0);
        FakeChannel noHistory = d.channel(g, NO_HISTORY, 0, "no-history", CATEGORY).historyHidden();
        overwrite(noHistory.json(), ROLE_ARCHIVISTS, 0, 0, READ_MESSAGE_HISTORY);

        List<Long> ids = fill(d, general, owner, GENERAL_START, generalMessages);
        fill(d, announcements, owner, Instant.parse("2021-02-03T08:00:00Z"), 5);
        fill(d, reopened, owner, Instant.parse("2021-02-04T08:00:00Z"), 3);
        fill(d, staff, owner, Instant.parse("2021-02-04T09:00:00Z"), 4);

        List<Long> many = new ArrayList<>();
        for (int i = 1; i <= manyReactions; i++) many.add(710000000000000000L + i * 7L);
        general.react(ids.get(10), unicode(d, "👍"), 0, many);
        ObjectNode blobcat = d.mapper.createObjectNode();
        blobcat.put("id", Long.toString(CUSTOM_EMOJI)).put("name", "blobcat");
        general.react(ids.get(11), blobcat, 0, List.of(OWNER_ID, BOT_ID, 710000000000000007L));
        general.react(ids.get(12), unicode(d, "❤️"), 1, List.of(OWNER_ID, 710000000000000014L));
        general.react(ids.get(12), unicode(d, "❤️"), 0, List.of(710000000000000021L));
        return d.announce(g);
    }

    /**
     * A guild of {@code channels} readable text channels (ids from 900000000000000001) of {@code messages} messages
     * each, behind buckets of 5 requests a second per channel and a global limit of 50 a second.
     */
    public static FakeDiscord rateLimitedGuild(int channels, int messages) {
        FakeDiscord discord = new FakeDiscord(TOKEN, false, selfUser(false));
        FakeGuild guild = discord.guild(GUILD_ID, "Benchmark", OWNER_ID);
        guild.addRole(GUILD_ID, "@everyone", VIEW_CHANNEL | READ_MESSAGE_HISTORY);
        guild.addMember(discord.self());
        for (int c = 0; c < channels; c++) {
            FakeChannel channel = discord.channel(guild, 900000000000000001L + c, 0, "channel-" + c, null);
            fill(discord, channel, discord.self(), Instant.parse("2022-01-01T00:00:00Z").plusSeconds(c), messages);
        }
        discord.rateLimits().set(5, 1000, 50);
        return discord.announce(guild);
    }

    public static ObjectNode selfUser(boolean userAccount) {
        ObjectNode self = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        self.put("id", Long.toString(BOT_ID));
        self.put("username", "discardbot");
        self.putNull("avatar");
        self.put("discriminator", userAccount ? "0" : "9433");
        self.put("public_flags", 0);
        self.put("flags", 0);
        if (!userAccount) self.put("bot", true);
        self.putNull("banner");
        self.putNull("accent_color");
        self.putNull("global_name");
        self.put("mfa_enabled", false);
        self.put("locale", "en-US");
        self.put("verified", true);
        return self;
    }

    /** The id Discord would give a message created at {@code time}, with {@code increment} in the low bits. */
    public static long snowflake(Instant time, int increment) {
        return ((time.toEpochMilli() - 1420070400000L) << 22) | (increment & 0xFFF);
    }

    /** Fills a channel with {@code count} messages, one every 10 minutes from {@code start}; returns their ids. */
    public static List<Long> fill(FakeDiscord d, FakeChannel channel, ObjectNode author, Instant start, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant time = start.plusSeconds(600L * i).plusMillis(i % 1000);
            long id = snowflake(time, i);
            ObjectNode m = message(d, channel.id(), id, time, author, content(i));
            if (i == 0) {
                m.put("type", 7);
                m.put("content", "");
            }
            if (i % 37 == 5) m.put("edited_timestamp", iso(time.plusSeconds(42)));
            channel.add(m);
            ids.add(id);
        }
        return ids;
    }

    static String content(int i) {
        return switch (i % 5) {
            case 1 -> "Příliš žluťoučký kůň úpěl ďábelské ódy 🐎 #" + i;
            case 2 -> "quotes \"inside\", back\\slash, tab\tand\nnewline, </script> & \u2028 #" + i;
            case 3 -> "日本語のメッセージ #" + i;
            default -> "Hello, this is message number " + i + ".";
        };
    }

    public static ObjectNode message(FakeDiscord d, long channelId, long id, Instant time, ObjectNode author,
            String content) {
        ObjectNode m = d.mapper.createObjectNode();
        m.put("id", Long.toUnsignedString(id));
        m.put("type", 0);
        m.put("content", content);
        m.put("channel_id", Long.toString(channelId));
        m.set("author", author);
        m.putArray("attachments");
        m.putArray("embeds");
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.put("pinned", false);
        m.put("mention_everyone", false);
        m.put("tts", false);
        m.put("timestamp", iso(time));
        m.putNull("edited_timestamp");
        m.put("flags", 0);
        m.putArray("components");
        return m;
    }

    /** An attachment object as Discord sends it, for a message's {@code attachments}. */
    public static ObjectNode attachment(FakeDiscord d, long id, String filename, String url, String proxyUrl,
            String contentType, int size) {
        ObjectNode a = d.mapper.createObjectNode();
        a.put("id", Long.toString(id));
        a.put("filename", filename);
        a.put("size", size);
        a.put("url", url);
        a.put("proxy_url", proxyUrl);
        if (contentType != null) a.put("content_type", contentType);
        a.put("width", 16);
        a.put("height", 16);
        return a;
    }

    /**
     * An embed as Discord sends it: {@code type} (rich, image, gifv, video, …) and, where not null, an image and a
     * thumbnail, each with its original {@code url} and Discord's resizing {@code proxy_url}.
     */
    public static ObjectNode embed(FakeDiscord d, String type, String imageUrl, String imageProxy, String thumbnailUrl,
            String thumbnailProxy) {
        ObjectNode e = d.mapper.createObjectNode();
        e.put("type", type);
        if (imageUrl != null) {
            e.putObject("image").put("url", imageUrl).put("proxy_url", imageProxy).put("width", 16).put("height", 16);
        }
        if (thumbnailUrl != null) {
            e.putObject("thumbnail").put("url", thumbnailUrl).put("proxy_url", thumbnailProxy).put("width", 16)
                    .put("height", 16);
        }
        return e;
    }

    public static String iso(Instant time) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")
                .withZone(java.time.ZoneOffset.UTC).format(time);
    }

    private static ObjectNode unicode(FakeDiscord d, String name) {
        ObjectNode emoji = d.mapper.createObjectNode();
        emoji.putNull("id");
        emoji.put("name", name);
        return emoji;
    }

    public static void overwrite(ObjectNode channel, long id, int type, long allow, long deny) {
        ArrayNode overwrites = channel.withArray("permission_overwrites");
        overwrites.addObject().put("id", Long.toString(id)).put("type", type)
                .put("allow", Long.toString(allow)).put("deny", Long.toString(deny));
    }
}
