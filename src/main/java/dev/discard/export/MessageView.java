package dev.discard.export;

import java.util.List;

/**
 * One message as a channel page shows it. Strings are plain text (the template escapes them) except
 * {@code contentHtml} and embed descriptions, which {@link DiscordMarkdown} escaped already. Immutable.
 *
 * @param id the message id as Discord wrote it: the element's anchor
 * @param datetime ISO 8601 UTC, for the {@code <time>} element
 * @param time the time shown, in UTC
 * @param author the author's display name
 * @param authorClass the class of the role colouring the name ({@code colours.css}), null for none
 * @param avatar the author's avatar
 * @param bot whether the author is a bot or webhook
 * @param contentHtml the content as HTML, empty when none
 * @param systemText the sentence of a system message (join, pin, boost…), null for a message people wrote
 * @param systemHref the message a system message is about (the one pinned), null when none or not exported
 * @param editedTime when it was last edited, null when never
 * @param reply the message it answers, null when none
 * @param grouped whether it follows a message by the same author within minutes (shown without the header)
 * @param deleted when and how it is known to be deleted ({@code Deleted 2026-12-07 10:31:02 UTC}); null when not
 * @param versions its earlier versions, oldest first; empty when the archive holds one
 * @param authorId its author's id as stored, null when unknown (the search index tells authors apart by it)
 * @param content its content as written, null when none (what the search index finds it by)
 */
public record MessageView(
        String id,
        String datetime,
        String time,
        String author,
        String authorClass,
        Avatar avatar,
        boolean bot,
        String contentHtml,
        String systemText,
        String systemHref,
        String editedTime,
        Reply reply,
        List<Attachment> attachments,
        List<Embed> embeds,
        List<Sticker> stickers,
        List<Reaction> reactions,
        boolean pinned,
        ThreadLink thread,
        boolean grouped,
        String deleted,
        List<Version> versions,
        String authorId,
        String content) {

    /** An earlier version: when the archive saw it, and its content as escaped HTML (empty when none). */
    public record Version(String label, String contentHtml) {}

    /** An avatar: an archived image ({@code src}), else a generated initial on one of eight colours. */
    public record Avatar(String src, String initial, int colour) {}

    /** The message a reply answers: a link to its anchor when it is in the export. */
    public record Reply(String href, String author, String excerpt) {}

    /** An attachment: an archived file shown (images) or linked, else its name and the original link. */
    public record Attachment(String name, String href, boolean image, boolean archived, String size) {}

    /**
     * A rich embed; {@code descriptionHtml} is escaped Markdown; {@code colourClass} colours its edge. Its image and
     * thumbnail are null when it has none.
     */
    public record Embed(String title, String url, String descriptionHtml, List<Field> fields, EmbedImage image,
            EmbedImage thumbnail, String footer, String colourClass) {}

    /** An embed's image: {@code src} the archived copy, else null and {@code href} the web link it came from. */
    public record EmbedImage(String src, String href) {}

    /** A field of an embed. */
    public record Field(String name, String valueHtml) {}

    /** A sticker: its archived image, else (not archived, or a Lottie animation) its name. */
    public record Sticker(String name, String imageSrc) {}

    /** A reaction: a Unicode emoji, a custom emoji's archived image, else its {@code :name:}. */
    public record Reaction(String emoji, String imageSrc, long count) {}

    /** The thread started from this message. */
    public record ThreadLink(String name, String href, long messages) {}
}
