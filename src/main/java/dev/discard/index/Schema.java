package dev.discard.index;

import java.util.List;

/**
 * The tables of the index: a contract with every tool that reads it (docs/search.md documents each column). Tables
 * and columns are only ever added; {@link #VERSION} is stored as {@code PRAGMA user_version}.
 */
final class Schema {
    /** Incremented when a table or column is added; an index of a newer version is refused. */
    static final int VERSION = 3;

    static final List<String> TABLES = List.of(
            """
            CREATE TABLE IF NOT EXISTS runs (
                run_id INTEGER PRIMARY KEY, path TEXT UNIQUE, mode TEXT, client_name TEXT, client_version TEXT,
                after TEXT, before TEXT, datetime_start TEXT, completed INTEGER)""",
            """
            CREATE TABLE IF NOT EXISTS log_files (
                path TEXT PRIMARY KEY, run_id INTEGER, size INTEGER, modified INTEGER, records INTEGER,
                messages INTEGER, problems INTEGER)""",
            """
            CREATE TABLE IF NOT EXISTS guilds (id TEXT PRIMARY KEY, name TEXT, icon TEXT, json TEXT)""",
            """
            CREATE TABLE IF NOT EXISTS channels (
                id TEXT PRIMARY KEY, guild_id TEXT, parent_id TEXT, type INTEGER, name TEXT, position INTEGER,
                json TEXT)""",
            """
            CREATE TABLE IF NOT EXISTS roles (
                id TEXT PRIMARY KEY, guild_id TEXT, name TEXT, color INTEGER, position INTEGER)""",
            """
            CREATE TABLE IF NOT EXISTS users (
                id TEXT PRIMARY KEY, username TEXT, global_name TEXT, discriminator TEXT, avatar TEXT, bot INTEGER,
                avatar_file TEXT, seen_id TEXT)""",
            """
            CREATE TABLE IF NOT EXISTS messages (
                rowid_ INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, guild_id TEXT, channel_id TEXT, author_id TEXT,
                type INTEGER, timestamp TEXT, edited_timestamp TEXT, content TEXT, reference_id TEXT,
                pinned INTEGER, flags INTEGER, json TEXT, run_id INTEGER, seen_at TEXT)""",
            """
            CREATE INDEX IF NOT EXISTS messages_channel ON messages (channel_id, id)""",
            """
            CREATE TABLE IF NOT EXISTS attachments (
                id TEXT PRIMARY KEY, message_id TEXT, filename TEXT, content_type TEXT, size INTEGER, width INTEGER,
                height INTEGER, url TEXT, media_file TEXT)""",
            """
            CREATE INDEX IF NOT EXISTS attachments_message ON attachments (message_id)""",
            """
            CREATE TABLE IF NOT EXISTS embeds (
                message_id TEXT, position INTEGER, type TEXT, title TEXT, description TEXT, url TEXT, json TEXT,
                PRIMARY KEY (message_id, position))""",
            """
            CREATE TABLE IF NOT EXISTS reactions (
                message_id TEXT, emoji_key TEXT, emoji_id TEXT, emoji_name TEXT, count INTEGER, burst_count INTEGER,
                PRIMARY KEY (message_id, emoji_key))""",
            """
            CREATE TABLE IF NOT EXISTS reaction_users (
                message_id TEXT, emoji_key TEXT, user_id TEXT, burst INTEGER,
                PRIMARY KEY (message_id, emoji_key, user_id, burst))""",
            """
            CREATE TABLE IF NOT EXISTS message_versions (
                message_id TEXT, edited_timestamp TEXT, content TEXT, json TEXT, run_id INTEGER)""",
            """
            CREATE INDEX IF NOT EXISTS message_versions_message ON message_versions (message_id)""",
            """
            CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5 (
                content, attachments, embeds, tokenize = 'unicode61 remove_diacritics 2')""",
            // version 2: guild emojis and stickers, and the guild icon's file (ADDED_COLUMNS)
            """
            CREATE TABLE IF NOT EXISTS emojis (
                id TEXT PRIMARY KEY, guild_id TEXT, name TEXT, animated INTEGER, media_file TEXT)""",
            """
            CREATE TABLE IF NOT EXISTS stickers (
                id TEXT PRIMARY KEY, guild_id TEXT, name TEXT, format_type INTEGER, media_file TEXT)""",
            // version 3: the message model's deletions, the runs that read each channel, old versions searchable
            """
            CREATE TABLE IF NOT EXISTS message_deletions (
                message_id TEXT PRIMARY KEY, channel_id TEXT, how TEXT, at TEXT, last_seen TEXT, source TEXT,
                run_id INTEGER)""",
            """
            CREATE INDEX IF NOT EXISTS message_deletions_channel ON message_deletions (channel_id)""",
            """
            CREATE TABLE IF NOT EXISTS channel_deletions (
                channel_id TEXT PRIMARY KEY, how TEXT, at TEXT, last_seen TEXT, source TEXT, run_id INTEGER)""",
            """
            CREATE TABLE IF NOT EXISTS channel_runs (
                run_id INTEGER, channel_id TEXT, completed INTEGER, after TEXT, listed INTEGER,
                PRIMARY KEY (run_id, channel_id))""",
            """
            CREATE VIRTUAL TABLE IF NOT EXISTS versions_fts USING fts5 (
                content, attachments, embeds, tokenize = 'unicode61 remove_diacritics 2')""");

    /** A column added to a table of an earlier version: {@code ALTER TABLE table ADD COLUMN definition}. */
    record AddedColumn(String table, String name, String definition) {}

    /** Columns that an index of an earlier version lacks, added when it is opened. */
    static final List<AddedColumn> ADDED_COLUMNS = List.of(new AddedColumn("guilds", "icon_file", "icon_file TEXT"),
            // version 3: when a message was last returned (deletions between runs), how each version was seen
            new AddedColumn("messages", "last_seen_at", "last_seen_at TEXT"),
            new AddedColumn("messages", "last_run_id", "last_run_id INTEGER"),
            new AddedColumn("messages", "source", "source TEXT"),
            new AddedColumn("message_versions", "seen_at", "seen_at TEXT"),
            new AddedColumn("message_versions", "source", "source TEXT"));

    /**
     * Statements that bring the rows of an index below version 3 up to it, run once when it is opened. The versions
     * an older index kept become searchable. Messages it holds get no {@code last_seen_at}: which runs returned them
     * was not kept, so no deletion between runs is concluded from them (index into a new file to find those).
     */
    static final List<String> UPGRADE_TO_3 = List.of(
            "INSERT INTO versions_fts (rowid, content) SELECT rowid, content FROM message_versions");

    private Schema() {}
}
