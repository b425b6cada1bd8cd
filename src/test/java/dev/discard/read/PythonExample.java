package dev.discard.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The example run of the Python Discard 0.1 (Sanqui/discard, example/20210201T174740_guild), kept as golden
 * strings: ", "-separated JSON, API v7, no status, naive local ws times, swapped oldest/newest in channel meta,
 * and a guild num_messages that counts only the last channel.
 */
final class PythonExample {
    static final String RUN = "20210201T174740_guild";
    static final String GUILD = "805808489695150180";
    static final String GENERAL = "805808489695150183";
    static final String TEST = "805808821749415946";

    static final String GENERAL_LOG = "{\"type\": \"http\", \"datetime_start\": \"2021-02-01T17:47:43.374877+00:00\", \"datetime_end\": \"2021-02-01T17:47:43.542610+00:00\", \"request\": {\"method\": \"GET\", \"url\": \"https://discord.com/api/v7/channels/805808489695150183/messages\", \"params\": {\"limit\": 100, \"after\": 0}}, \"response\": {\"data\": [{\"id\": \"805808981356183572\", \"type\": 0, \"content\": \"This message was edited.\", \"channel_id\": \"805808489695150183\", \"author\": {\"id\": \"83101988983668736\", \"username\": \"Sanqui\", \"avatar\": \"5806dc8069de110e94876ea63e0a1456\", \"discriminator\": \"3248\", \"public_flags\": 0}, \"attachments\": [], \"embeds\": [], \"mentions\": [], \"mention_roles\": [], \"pinned\": false, \"mention_everyone\": false, \"tts\": false, \"timestamp\": \"2021-02-01T14:37:12.362000+00:00\", \"edited_timestamp\": \"2021-02-01T14:37:14.873000+00:00\", \"flags\": 0}, {\"id\": \"805808779160846405\", \"type\": 0, \"content\": \"This message will have a reaction.\", \"channel_id\": \"805808489695150183\", \"author\": {\"id\": \"83101988983668736\", \"username\": \"Sanqui\", \"avatar\": \"5806dc8069de110e94876ea63e0a1456\", \"discriminator\": \"3248\", \"public_flags\": 0}, \"attachments\": [], \"embeds\": [], \"mentions\": [], \"mention_roles\": [], \"pinned\": false, \"mention_everyone\": false, \"tts\": false, \"timestamp\": \"2021-02-01T14:36:24.155000+00:00\", \"edited_timestamp\": null, \"flags\": 0, \"reactions\": [{\"emoji\": {\"id\": null, \"name\": \"\uD83D\uDC4D\"}, \"count\": 1, \"me\": false}]}, {\"id\": \"805808758717546547\", \"type\": 0, \"content\": \"The previous message was an invite message.\", \"channel_id\": \"805808489695150183\", \"author\": {\"id\": \"83101988983668736\", \"username\": \"Sanqui\", \"avatar\": \"5806dc8069de110e94876ea63e0a1456\", \"discriminator\": \"3248\", \"public_flags\": 0}, \"attachments\": [], \"embeds\": [], \"mentions\": [], \"mention_roles\": [], \"pinned\": false, \"mention_everyone\": false, \"tts\": false, \"timestamp\": \"2021-02-01T14:36:19.281000+00:00\", \"edited_timestamp\": null, \"flags\": 0}, {\"id\": \"805808684906577920\", \"type\": 7, \"content\": \"\", \"channel_id\": \"805808489695150183\", \"author\": {\"id\": \"788430627179462657\", \"username\": \"DiscardTest\", \"avatar\": null, \"discriminator\": \"9433\", \"public_flags\": 0, \"bot\": true}, \"attachments\": [], \"embeds\": [], \"mentions\": [], \"mention_roles\": [], \"pinned\": false, \"mention_everyone\": false, \"tts\": false, \"timestamp\": \"2021-02-01T14:36:01.683000+00:00\", \"edited_timestamp\": null, \"flags\": 0}, {\"id\": \"805808565507457035\", \"type\": 0, \"content\": \"Hello this is a message today, on the first of February.\", \"channel_id\": \"805808489695150183\", \"author\": {\"id\": \"83101988983668736\", \"username\": \"Sanqui\", \"avatar\": \"5806dc8069de110e94876ea63e0a1456\", \"discriminator\": \"3248\", \"public_flags\": 0}, \"attachments\": [], \"embeds\": [], \"mentions\": [], \"mention_roles\": [], \"pinned\": false, \"mention_everyone\": false, \"tts\": false, \"timestamp\": \"2021-02-01T14:35:33.216000+00:00\", \"edited_timestamp\": null, \"flags\": 0}]}}";

    static final String GENERAL_META = "{\n    \"channel\": {\n        \"id\": 805808489695150183,\n        \"name\": \"general\",\n        \"type\": \"text\"\n    },\n    \"summary\": {\n        \"num_messages\": 5,\n        \"oldest_message\": {\n            \"id\": 805808981356183572,\n            \"timestamp\": \"2021-02-01T14:37:12.362000\"\n        },\n        \"newest_message\": {\n            \"id\": 805808565507457035,\n            \"timestamp\": \"2021-02-01T14:35:33.216000\"\n        }\n    }\n}";

    static final String TEST_LOG = "{\"type\": \"http\", \"datetime_start\": \"2021-02-01T17:47:43.543442+00:00\", \"datetime_end\": \"2021-02-01T17:47:43.721844+00:00\", \"request\": {\"method\": \"GET\", \"url\": \"https://discord.com/api/v7/channels/805808821749415946/messages\", \"params\": {\"limit\": 100, \"after\": 0}}, \"response\": {\"data\": [{\"id\": \"805808839671676939\", \"type\": 0, \"content\": \"This is a second channel.\", \"channel_id\": \"805808821749415946\", \"author\": {\"id\": \"83101988983668736\", \"username\": \"Sanqui\", \"avatar\": \"5806dc8069de110e94876ea63e0a1456\", \"discriminator\": \"3248\", \"public_flags\": 0}, \"attachments\": [], \"embeds\": [], \"mentions\": [], \"mention_roles\": [], \"pinned\": false, \"mention_everyone\": false, \"tts\": false, \"timestamp\": \"2021-02-01T14:36:38.582000+00:00\", \"edited_timestamp\": null, \"flags\": 0}]}}";

    static final String TEST_META = "{\n    \"channel\": {\n        \"id\": 805808821749415946,\n        \"name\": \"test\",\n        \"type\": \"text\"\n    },\n    \"summary\": {\n        \"num_messages\": 1,\n        \"oldest_message\": {\n            \"id\": 805808839671676939,\n            \"timestamp\": \"2021-02-01T14:36:38.582000\"\n        },\n        \"newest_message\": {\n            \"id\": 805808839671676939,\n            \"timestamp\": \"2021-02-01T14:36:38.582000\"\n        }\n    }\n}";

    static final String GUILD_META = "{\n    \"guild\": {\n        \"id\": 805808489695150180,\n        \"name\": \"Discard Test Server\"\n    },\n    \"summary\": {\n        \"num_channels\": 2,\n        \"num_messages\": 1\n    }\n}";

    /** run.jsonl, the gateway part shortened: the users/@me and gateway requests, HELLO, heartbeat, IDENTIFY. */
    static final String RUN_LOG = String.join("\n",
            "{\"type\": \"http\", \"datetime_start\": \"2021-02-01T17:47:40.382882+00:00\", \"datetime_end\": \"2021-02-01T17:47:40.630892+00:00\", \"request\": {\"method\": \"GET\", \"url\": \"https://discord.com/api/v7/users/@me\"}, \"response\": {\"data\": {\"id\": \"788430627179462657\", \"username\": \"DiscardTest\", \"avatar\": null, \"discriminator\": \"9433\", \"public_flags\": 0, \"flags\": 0, \"bot\": true, \"email\": null, \"verified\": true, \"locale\": \"en-US\", \"mfa_enabled\": true}}}",
            "{\"type\": \"http\", \"datetime_start\": \"2021-02-01T17:47:40.631348+00:00\", \"datetime_end\": \"2021-02-01T17:47:40.654043+00:00\", \"request\": {\"method\": \"GET\", \"url\": \"https://discord.com/api/v7/gateway\"}, \"response\": {\"data\": {\"url\": \"wss://gateway.discord.gg\"}}}",
            "{\"type\": \"ws\", \"datetime\": \"2021-02-01T18:47:40.838659\", \"direction\": \"recv\", \"data\": {\"t\": null, \"s\": null, \"op\": 10, \"d\": {\"heartbeat_interval\": 41250, \"_trace\": [\"[\\\"gateway-prd-main-c4x6\\\",{\\\"micros\\\":0.0}]\"]}}}",
            "{\"type\": \"ws\", \"datetime\": \"2021-02-01T18:47:40.838705\", \"direction\": \"send\", \"data\": \"{\\\"op\\\":1,\\\"d\\\":null}\"}",
            "{\"type\": \"ws\", \"datetime\": \"2021-02-01T18:47:40.838720\", \"direction\": \"send\", \"data\": \"{\\\"op\\\":2,\\\"d\\\":{\\\"token\\\":\\\"[SCRUBBED]\\\",\\\"properties\\\":{\\\"$os\\\":\\\"linux\\\",\\\"$browser\\\":\\\"discord.py\\\",\\\"$device\\\":\\\"discord.py\\\",\\\"$referrer\\\":\\\"\\\",\\\"$referring_domain\\\":\\\"\\\"},\\\"compress\\\":true,\\\"large_threshold\\\":250,\\\"guild_subscriptions\\\":true,\\\"v\\\":3,\\\"intents\\\":32509}}\", \"scrubbed\": true}",
            "{\"type\": \"ws\", \"datetime\": \"2021-02-01T18:47:40.959725\", \"direction\": \"recv\", \"data\": {\"t\": null, \"s\": null, \"op\": 11, \"d\": null}}") + "\n";

    /** guild.jsonl is not in the example as stored; two requests like Discard's make num_http_requests add up. */
    static final String GUILD_LOG = String.join("\n",
            "{\"type\": \"http\", \"datetime_start\": \"2021-02-01T17:47:43.100000+00:00\", \"datetime_end\": \"2021-02-01T17:47:43.200000+00:00\", \"request\": {\"method\": \"GET\", \"url\": \"https://discord.com/api/v7/guilds/805808489695150180\"}, \"response\": {\"data\": {\"id\": \"805808489695150180\", \"name\": \"Discard Test Server\"}}}",
            "{\"type\": \"http\", \"datetime_start\": \"2021-02-01T17:47:43.200000+00:00\", \"datetime_end\": \"2021-02-01T17:47:43.300000+00:00\", \"request\": {\"method\": \"GET\", \"url\": \"https://discord.com/api/v7/guilds/805808489695150180/channels\"}, \"response\": {\"data\": []}}") + "\n";

    static String runMeta(String after, String before, boolean completed) {
        return "{\n    \"client\": {\n        \"name\": \"discard\",\n        \"version\": \"0.1.0\"\n    },\n"
                + "    \"command\": [\n        \"/home/sanqui/archive/discord/discard/discard/__main__.py\",\n"
                + "        \"guild\",\n        \"805808489695150180\"\n    ],\n"
                + "    \"settings\": {\n        \"mode\": \"guild\",\n        \"token\": null,\n"
                + "        \"is_user_account\": false,\n        \"output_dir\": \"out/\",\n"
                // Discard 0.1 wrote --before under "after" and --after under "before".
                + "        \"after\": " + quoted(before) + ",\n        \"before\": " + quoted(after) + ",\n"
                + "        \"no_scrub\": false\n    },\n"
                + "    \"run\": {\n        \"datetime_start\": \"2021-02-01T17:47:40.375815+00:00\",\n"
                + "        \"datetime_end\": \"2021-02-01T17:47:43.724238+00:00\",\n"
                + "        \"run_directory\": \"20210201T174740_guild\",\n"
                + "        \"ident\": \"9rk7i81i32udny753nbmfcyn\",\n        \"completed\": " + completed + ",\n"
                + "        \"finished\": true,\n        \"errors\": " + !completed + ",\n"
                + "        \"exception\": " + (completed ? "null" : "\"KeyboardInterrupt: \"") + ",\n"
                + "        \"traceback\": null\n    },\n"
                + "    \"summary\": {\n        \"num_http_requests\": 6,\n        \"num_ws_packets\": 4,\n"
                + "        \"num_messages\": 6\n    },\n"
                + "    \"user\": {\n        \"id\": 788430627179462657,\n        \"name\": \"DiscardTest\",\n"
                + "        \"discriminator\": \"9433\",\n        \"bot\": true\n    }\n}";
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    /** Writes the example run into {@code out}; returns its directory. */
    static Path write(Path out) throws IOException {
        Path run = out.resolve(RUN);
        Path guild = run.resolve(GUILD);
        Files.createDirectories(guild);
        write(run.resolve("run.meta.json"), runMeta(null, null, true));
        write(run.resolve("run.jsonl"), RUN_LOG);
        write(guild.resolve("guild.meta.json"), GUILD_META);
        write(guild.resolve("guild.jsonl"), GUILD_LOG);
        write(guild.resolve(GENERAL + ".jsonl"), GENERAL_LOG + "\n");
        write(guild.resolve(GENERAL + ".meta.json"), GENERAL_META);
        write(guild.resolve(TEST + ".jsonl"), TEST_LOG + "\n");
        write(guild.resolve(TEST + ".meta.json"), TEST_META);
        return run;
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private PythonExample() {}
}
