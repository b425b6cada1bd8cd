/**
 * Internal: Discord's REST API as the archive needs it (authentication, rate limits, retries, every attempt
 * reported to an {@link dev.discard.discord.ExchangeSink}), and Discord's ids and permissions. Two of its types
 * appear in the library API as values: {@link dev.discard.discord.RetryPolicy} and
 * {@link dev.discard.discord.Sleeper}, which {@code ArchiveRun.Builder} accepts. Everything else may change.
 */
package dev.discard.discord;
