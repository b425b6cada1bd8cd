package dev.discard.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A guild of the fake Discord: its object, roles, emojis, stickers, channels, and members by user id. */
public final class FakeGuild {
    final ObjectNode json;
    final Map<Long, FakeChannel> channels = new LinkedHashMap<>();
    final Map<Long, ObjectNode> members = new LinkedHashMap<>();

    FakeGuild(ObjectNode json) {
        this.json = json;
    }

    public long id() {
        return Long.parseLong(json.get("id").asText());
    }

    public ObjectNode json() {
        return json;
    }

    ArrayNode roles() {
        return (ArrayNode) json.get("roles");
    }

    public ObjectNode addRole(long id, String name, long permissions) {
        ObjectNode role = roles().addObject();
        role.put("id", Long.toString(id));
        role.put("name", name);
        role.put("color", 0);
        role.put("hoist", false);
        role.putNull("icon");
        role.putNull("unicode_emoji");
        role.put("position", roles().size() - 1);
        role.put("permissions", Long.toString(permissions));
        role.put("managed", false);
        role.put("mentionable", false);
        role.put("flags", 0);
        return role;
    }

    /** Adds a member with these role ids; {@code user} is the member's user object. */
    public ObjectNode addMember(ObjectNode user, long... roleIds) {
        ObjectNode member = user.objectNode();
        member.set("user", user);
        member.putNull("nick");
        member.putNull("avatar");
        ArrayNode roles = member.putArray("roles");
        for (long role : roleIds) roles.add(Long.toString(role));
        member.put("joined_at", "2021-01-01T00:00:00.000000+00:00");
        member.put("deaf", false);
        member.put("mute", false);
        member.put("flags", 0);
        members.put(Long.parseLong(user.get("id").asText()), member);
        return member;
    }

    /** Adds {@code count} members with made-up users, ids from {@code firstUserId} up. */
    public void addMembers(FakeDiscord discord, long firstUserId, int count) {
        for (int i = 0; i < count; i++) addMember(discord.user(firstUserId + i, "member" + i));
    }

    public FakeChannel channel(long id) {
        return channels.get(id);
    }
}
