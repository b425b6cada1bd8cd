package dev.discard.fake;

/** Guild JSON as Discord sends it, for fakes of the gateway and of the REST API. */
public final class SampleGuild {
    private SampleGuild() {}

    /**
     * A GUILD_CREATE {@code d} as Discord sends it: the guild with two roles, a category and a text channel, two
     * members, and the GUILD_CREATE extra fields. As in Discord, the @everyone role has the guild's id; the text
     * channel is {@code id + 1}, the other role {@code id + 2} and the category {@code id + 3}.
     */
    public static String json(long id, String name) {
        String quotedName = name.replace("\\", "\\\\").replace("\"", "\\\"");
        return """
                {"id":"%1$d","name":"%2$s","icon":null,"owner_id":"800000000000000002","region":"deprecated",
                "afk_channel_id":null,"afk_timeout":300,"verification_level":1,"default_message_notifications":1,
                "explicit_content_filter":0,"features":[],"mfa_level":0,"application_id":null,
                "system_channel_id":"%4$d","system_channel_flags":0,"rules_channel_id":null,"max_members":500000,
                "vanity_url_code":null,"description":null,"banner":null,"premium_tier":0,
                "premium_subscription_count":0,"preferred_locale":"en-US","public_updates_channel_id":null,
                "nsfw_level":0,"premium_progress_bar_enabled":false,"emojis":[],"stickers":[],
                "roles":[{"id":"%3$d","name":"@everyone","color":0,"hoist":false,"position":0,
                  "permissions":"1071698660929","managed":false,"mentionable":false,"flags":0},
                  {"id":"%5$d","name":"archivist","color":3447003,"hoist":true,"position":1,
                  "permissions":"66560","managed":false,"mentionable":false,"flags":0}],
                "joined_at":"2021-02-01T17:47:43.374877+00:00","large":false,"unavailable":false,"member_count":2,
                "voice_states":[],"threads":[],"presences":[],"stage_instances":[],"guild_scheduled_events":[],
                "soundboard_sounds":[],
                "members":[{"user":{"id":"800000000000000001","username":"discard-test","discriminator":"0",
                  "global_name":null,"avatar":null,"bot":true},"roles":["%5$d"],"nick":null,"avatar":null,
                  "joined_at":"2021-02-01T17:47:43.374877+00:00","premium_since":null,"deaf":false,"mute":false,
                  "flags":0,"pending":false},
                  {"user":{"id":"800000000000000002","username":"owner","discriminator":"0","global_name":"Owner",
                  "avatar":null},"roles":[],"nick":null,"avatar":null,
                  "joined_at":"2020-01-01T00:00:00.000000+00:00","premium_since":null,"deaf":false,"mute":false,
                  "flags":0,"pending":false}],
                "channels":[{"id":"%6$d","type":4,"guild_id":"%1$d","name":"Text Channels","position":0,
                  "permission_overwrites":[],"flags":0,"parent_id":null},
                  {"id":"%4$d","type":0,"guild_id":"%1$d","name":"general","position":0,
                  "permission_overwrites":[{"id":"%3$d","type":0,"allow":"0","deny":"0"}],"parent_id":"%6$d",
                  "topic":null,"nsfw":false,"last_message_id":null,"rate_limit_per_user":0,"flags":0}]}
                """.formatted(id, quotedName, id, id + 1, id + 2, id + 3).replace("\n", "");
    }
}
