package dev.discard.export;

import static dev.discard.fake.Fixtures.GENERAL;
import static dev.discard.fake.Fixtures.GUILD_ID;
import static dev.discard.fake.Fixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.discard.archive.ArchiveRun;
import dev.discard.fake.FakeCdn;
import dev.discard.fake.FakeChannel;
import dev.discard.fake.FakeDiscord;
import dev.discard.fake.Fixtures;
import dev.discard.testing.ArchiveFiles;
import dev.discard.testing.CliRun;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The standard fake guild archived with {@code --media} and exported with {@code discard export html}: a hostile
 * message, a reply, a thread started from a message, an archived image and avatar. Built once per test class.
 */
final class ExportedSite {
    static final String HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=\"document.title="
            + "'pwned';document.body.dataset.pwned=1\"> **still text**";
    static final int PAGE_SIZE = 100;

    final Path archive;
    final Path site;
    final CliRun export;
    final String hostileId;
    final String replyId;
    final String repliedToId;
    final String threadId;
    /** The message a screenshot starts at: reactions, Markdown, the hostile message, an image and a thread follow. */
    final String screenshotId;
    /** Every message id the run's channel logs hold, threads included. */
    final Set<String> archivedIds;
    /** The pinned message ("Read the rules before posting.") and the one holding a link to a release. */
    String pinnedId;
    String releaseId;
    /** The messages of #general that hold the words of {@link #vocabularyWord}, {@link #WORDS_PER_MESSAGE} each. */
    final List<String> vocabularyIds = new java.util.ArrayList<>();
    static final int VOCABULARY_AT = 150;
    static final int VOCABULARY_MESSAGES = 9;
    static final int WORDS_PER_MESSAGE = 300;
    /** A message that the second run no longer found (deleted between the runs), null without that run. */
    String deletedId;
    /** A message that the second run (a day later) saw edited ({@link #EDITED_CONTENT}), null when built without that run. */
    String editedId;

    private ExportedSite(Path archive, Path site, CliRun export, String hostileId, String replyId, String repliedToId,
            String threadId, String screenshotId, Set<String> archivedIds) {
        this.archive = archive;
        this.site = site;
        this.export = export;
        this.hostileId = hostileId;
        this.replyId = replyId;
        this.repliedToId = repliedToId;
        this.threadId = threadId;
        this.screenshotId = screenshotId;
        this.archivedIds = archivedIds;
    }

    static final String STICKER = "990000000000000001";
    static final byte[] EMBED_IMAGE = FakeCdn.png(12, Color.MAGENTA);
    static final byte[] EMBED_THUMBNAIL = FakeCdn.png(6, Color.ORANGE);
    /** The colour of the Archivists role: 0x1abc9c, Discord's teal. */
    static final int ROLE_COLOUR = 0x1abc9c;

    /** What the second run of {@link #build(Path, boolean)} sees in place of a message's first content. */
    static final String EDITED_CONTENT = "edited: the second run sees this";

    /**
     * Word {@code k} of the vocabulary: two letters (all 676 pairs in turn) and four digits, so that words fall into
     * every group of the search index and none begins like a word the tests search for.
     */
    static String vocabularyWord(int k) {
        int pair = k % 676;
        return "" + (char) ('a' + pair / 26) + (char) ('a' + pair % 26) + String.format(java.util.Locale.ROOT, "%04d", k);
    }

    static ExportedSite build(Path root) throws Exception {
        return build(root, false);
    }

    /**
     * With {@code secondRun}, the guild is archived twice, a message edited in between (an earlier version) and one
     * deleted (the second run, complete, no longer finds it).
     */
    static ExportedSite build(Path root, boolean secondRun) throws Exception {
        Path out = root.resolve("out");
        Path site = root.resolve("site");
        try (FakeDiscord discord = Fixtures.standard(); FakeCdn cdn = new FakeCdn().start()) {
            FakeChannel general = discord.channel(GENERAL);
            List<Long> ids = general.messageIds();
            general.message(ids.get(14)).put("content", HOSTILE);

            ObjectNode replied = general.message(ids.get(5));
            ObjectNode reply = general.message(ids.get(40));
            reply.put("type", 19);
            reply.putObject("message_reference").put("message_id", Long.toString(ids.get(5)))
                    .put("channel_id", Long.toString(GENERAL)).put("guild_id", Long.toString(GUILD_ID));
            reply.set("referenced_message", replied.deepCopy());

            general.message(ids.get(13)).put("content", "**Markdown**: *italic*, __underline__, ~~strike~~, `code`,"
                    + " ||spoiler||, <@" + Fixtures.OWNER_ID + "> in <#" + GENERAL + "> for <@&" + Fixtures.ROLE_ARCHIVISTS
                    + ">\n> a quote\n- a list");
            String chart = cdn.put("/attachments/" + GENERAL + "/1/chart.png", FakeCdn.png(16, Color.RED), "image/png");
            general.message(ids.get(16)).withArray("attachments").add(Fixtures.attachment(discord, 1, "chart.png",
                    chart, chart.replace("/attachments/", "/resizing/"), "image/png", 1));
            ((ObjectNode) general.message(ids.get(3)).get("author")).put("avatar", "f00dfeed");
            cdn.put("/avatars/" + Fixtures.OWNER_ID + "/f00dfeed.png", FakeCdn.png(8, Color.CYAN), "image/png");

            // Guild media that a --media run archives: the icon, the custom emoji (in text and as a reaction) and a
            // sticker as images; a Lottie sticker, which a page cannot show, by name.
            ObjectNode guild = discord.guild(GUILD_ID).json();
            guild.put("icon", "a_1269e74af4df7417b13759eae50c83dc");
            cdn.put("/icons/" + GUILD_ID + "/a_1269e74af4df7417b13759eae50c83dc.gif", FakeCdn.png(12, Color.BLUE),
                    "image/gif");
            cdn.put("/emojis/" + Fixtures.CUSTOM_EMOJI + ".png", FakeCdn.png(10, Color.YELLOW), "image/png");
            guild.withArray("stickers").addObject().put("id", STICKER).put("name", "wave").put("format_type", 1)
                    .put("guild_id", Long.toString(GUILD_ID));
            cdn.put("/stickers/" + STICKER + ".png", FakeCdn.png(14, Color.GREEN), "image/png");
            // A coloured role, mentioned and worn by the author of a message whose member object names it.
            for (com.fasterxml.jackson.databind.JsonNode role : guild.withArray("roles")) {
                if (role.path("id").asText().equals(Long.toString(Fixtures.ROLE_ARCHIVISTS))) {
                    ((ObjectNode) role).put("color", ROLE_COLOUR);
                }
            }
            general.message(ids.get(3)).putObject("member").putArray("roles")
                    .add(Long.toString(Fixtures.ROLE_ARCHIVISTS));
            general.message(ids.get(11)).put("content", "purr <:blobcat:" + Fixtures.CUSTOM_EMOJI + ">");
            ObjectNode stickered = general.message(ids.get(17));
            stickered.withArray("sticker_items").addObject().put("id", STICKER).put("name", "wave")
                    .put("format_type", 1);
            stickered.withArray("sticker_items").addObject().put("id", "990000000000000002").put("name", "dance")
                    .put("format_type", 3);

            // What else a channel shows: a pinned message and its pin notice, an embed with fields, an archived
            // file that is not an image, a boost.
            general.message(ids.get(22)).put("pinned", true).put("content", "Read the rules before posting.");
            ObjectNode pin = general.message(ids.get(23));
            pin.put("type", 6).put("content", "");
            pin.putObject("message_reference").put("message_id", Long.toString(ids.get(22)))
                    .put("channel_id", Long.toString(GENERAL)).put("guild_id", Long.toString(GUILD_ID));
            ObjectNode embed = general.message(ids.get(24)).put("content", "https://example.com/release")
                    .withArray("embeds").addObject();
            embed.put("type", "rich").put("title", "Release 1.0").put("url", "https://example.com/release")
                    .put("description", "Archival quality, **now**.").put("color", 0x5865f2);
            embed.withArray("fields").addObject().put("name", "Version").put("value", "1.0.0").put("inline", true);
            embed.withArray("fields").addObject().put("name", "Date").put("value", "2021-02-01").put("inline", true);
            embed.putObject("footer").put("text", "example.com");
            // Issue 25, item 15: an embed's image and thumbnail, stored by --media, shown from the store.
            String shot = cdn.put("/external/release/shot.png", EMBED_IMAGE, "image/png");
            String logo = cdn.put("/external/release/logo.png", EMBED_THUMBNAIL, "image/png");
            // In #announcements: #general is the JSON export's golden file.
            ObjectNode shown = discord.channel(Fixtures.ANNOUNCEMENTS).message(discord.channel(Fixtures.ANNOUNCEMENTS)
                    .messageIds().get(0)).withArray("embeds").addObject().put("type", "rich").put("title", "Shot");
            shown.putObject("image").put("url", shot).put("proxy_url", shot).put("width", 12).put("height", 12);
            shown.putObject("thumbnail").put("url", logo).put("proxy_url", logo).put("width", 6).put("height", 6);
            String notes = cdn.put("/attachments/" + GENERAL + "/2/notes.txt",
                    "the minutes".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain");
            general.message(ids.get(25)).withArray("attachments").add(Fixtures.attachment(discord, 2, "notes.txt",
                    notes, notes, "text/plain", 11));
            general.message(ids.get(26)).put("type", 8).put("content", "");

            // Many distinct words, so that the site's search index writes several files of words for its block.
            for (int m = 0; m < VOCABULARY_MESSAGES; m++) {
                ObjectNode message = general.message(ids.get(VOCABULARY_AT + m));
                StringBuilder text = new StringBuilder(message.path("content").asText());
                for (int k = m * WORDS_PER_MESSAGE; k < (m + 1) * WORDS_PER_MESSAGE; k++) {
                    text.append(' ').append(vocabularyWord(k));
                }
                message.put("content", text.toString());
            }

            long threadId = ids.get(20);
            FakeChannel thread = discord.channel(discord.guild(GUILD_ID), threadId, 11, "a <b>thread</b>", null);
            discord.thread(thread, general, null, Fixtures.iso(Instant.parse("2021-02-01T15:20:00Z")));
            Fixtures.fill(discord, thread, discord.self(), Instant.parse("2021-02-01T15:21:00Z"), 3);
            if (secondRun) chatExtras(general, ids);
            discord.start();

            Clock clock = Clock.fixed(CliRun.START, ZoneOffset.UTC);
            CliRun archived = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), settings -> ArchiveRun.builder(settings)
                    .connection(CliRun.fastConnection(clock)).ident(() -> CliRun.IDENT).build(),
                    "--api-url", discord.apiUrl(), "-o", out.toString(), "--no-gateway", "--media", "--cdn-url",
                    cdn.root().toString(), "guild",
                    Long.toString(GUILD_ID));
            assertEquals(0, archived.exitCode, archived.toString());
            Set<String> archivedIds = archivedIds(out);
            String editedId = null;
            if (secondRun) {
                editedId = Long.toString(ids.get(30));
                general.message(ids.get(30)).put("content", EDITED_CONTENT).put("edited_timestamp",
                        Fixtures.iso(Instant.parse("2021-02-02T09:00:00Z")));
                general.remove(ids.get(60));
                CliRun again = CliRun.run(Map.of("DISCORD_TOKEN", TOKEN), settings -> ArchiveRun.builder(settings)
                        .connection(CliRun.fastConnection(Clock.offset(clock, java.time.Duration.ofDays(1))))
                        .ident(() -> CliRun.IDENT).build(),
                        "--api-url", discord.apiUrl(), "-o", out.toString(), "--no-gateway", "--media", "--cdn-url",
                        cdn.root().toString(), "guild", Long.toString(GUILD_ID));
                assertEquals(0, again.exitCode, again.toString());
            }

            CliRun export = CliRun.run(Map.of(), "export", "html", "-o", site.toString(), "--page-size",
                    Integer.toString(PAGE_SIZE), out.toString());
            ExportedSite built = new ExportedSite(out, site, export, Long.toString(ids.get(14)),
                    Long.toString(ids.get(40)), Long.toString(ids.get(5)), Long.toString(threadId),
                    Long.toString(ids.get(10)), archivedIds);
            built.editedId = editedId;
            built.deletedId = secondRun ? Long.toString(ids.get(60)) : null;
            built.pinnedId = Long.toString(ids.get(22));
            built.releaseId = Long.toString(ids.get(24));
            for (int m = 0; m < VOCABULARY_MESSAGES; m++) {
                built.vocabularyIds.add(Long.toString(ids.get(VOCABULARY_AT + m)));
            }
            return built;
        }
    }

    /**
     * What DiscordChatExporter's format has fields for beyond the site's messages: a slash command's answer (an
     * interaction), a forwarded message, mentions with a member object, a rich embed with author, thumbnail, image,
     * video and timestamp, and a reference of type forward.
     */
    private static void chatExtras(FakeChannel general, List<Long> ids) {
        ObjectNode answer = general.message(ids.get(50));
        answer.put("type", 20).put("content", "Archived 3 channels.");
        ObjectNode interaction = answer.putObject("interaction");
        interaction.put("id", "830000000000000001").put("type", 2).put("name", "archive");
        interaction.putObject("user").put("id", Long.toString(Fixtures.OWNER_ID)).put("username", "sanqui")
                .put("discriminator", "0").put("global_name", "Sanqui").putNull("avatar");
        ObjectNode forward = general.message(ids.get(51)).put("content", "");
        forward.putObject("message_reference").put("type", 1).put("message_id", "840000000000000001")
                .put("channel_id", "840000000000000002").put("guild_id", "840000000000000003");
        ObjectNode snapshot = forward.withArray("message_snapshots").addObject().putObject("message");
        snapshot.put("type", 0).put("content", "from elsewhere").put("timestamp", "2021-01-31T10:00:00.000000+00:00")
                .putNull("edited_timestamp").putArray("attachments");
        snapshot.putArray("embeds");
        ObjectNode mention = general.message(ids.get(13)).withArray("mentions").addObject();
        mention.put("id", Long.toString(Fixtures.OWNER_ID)).put("username", "sanqui").put("discriminator", "0")
                .put("global_name", "Sanqui").putNull("avatar");
        mention.putObject("member").put("nick", "San").putArray("roles").add(Long.toString(Fixtures.ROLE_ARCHIVISTS));
        ObjectNode rich = general.message(ids.get(52)).put("content", "a link").withArray("embeds").addObject();
        rich.put("type", "rich").put("title", "A page").put("url", "https://example.com/page")
                .put("timestamp", "2021-02-01T20:00:00+00:00").put("description", "hi <:blobcat:"
                        + Fixtures.CUSTOM_EMOJI + "> 🎉");
        rich.putObject("author").put("name", "Example").put("icon_url", "https://example.com/a.png")
                .put("proxy_icon_url", "https://images-ext.discordapp.net/a.png");
        rich.putObject("thumbnail").put("url", "https://example.com/t.png").put("width", 80).put("height", 60);
        rich.putObject("image").put("url", "https://example.com/i.png")
                .put("proxy_url", "https://images-ext.discordapp.net/i.png").put("width", 800).put("height", 600);
        rich.putObject("video").put("url", "https://example.com/v.mp4");
    }

    private static Set<String> archivedIds(Path out) throws Exception {
        Path guild = ArchiveFiles.onlyRun(out).resolve(Long.toString(GUILD_ID));
        Set<String> ids = new HashSet<>();
        try (Stream<Path> logs = Files.list(guild)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".jsonl") && !p.endsWith("guild.jsonl")).toList()) {
                for (String id : ArchiveFiles.messageIds(log)) ids.add(id);
            }
        }
        return ids;
    }

    /** Every HTML file of the site. */
    List<Path> pages() throws Exception {
        try (Stream<Path> files = Files.walk(site)) {
            return new ArrayList<>(files.filter(p -> p.toString().endsWith(".html")).toList());
        }
    }

    Path channelPage(long channel, int page) {
        return site.resolve(GUILD_ID + "/" + channel + "/" + page + ".html");
    }
}
