/**
 * Internal: the archive format's shared knowledge, with one definition each, for the archiver that writes an archive
 * and the tools that read it: snowflake ids, also as JSON fields ({@link dev.discard.format.Snowflake}), the routes
 * of recorded URLs ({@link dev.discard.format.ApiRoute}), signed CDN URLs ({@link dev.discard.format.SignedUrls}),
 * date-times ({@link dev.discard.format.Timestamps}), the names inside a run directory ({@link
 * dev.discard.format.RunFiles}), log file names and compression ({@link dev.discard.format.LogFile}), meta files
 * ({@link dev.discard.format.ChannelMeta}, {@link dev.discard.format.GuildMeta}), token scrubbing ({@link
 * dev.discard.format.Scrubber}), the client's name and version ({@link dev.discard.format.ClientInfo}) and the JSON
 * configuration ({@link dev.discard.format.Json}).
 *
 * <p>The bottom of the package graph: every package may import it, and it imports none of discard's own.
 */
package dev.discard.format;
