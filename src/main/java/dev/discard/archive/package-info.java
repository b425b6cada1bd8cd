/**
 * The library: archive Discord from a Java program as the {@code discard} command does (the command is a thin
 * layer on these types).
 *
 * <p><b>Public API</b>, kept compatible: {@link dev.discard.archive.ArchiveSettings} (what to archive, with its
 * builder), {@link dev.discard.archive.ArchiveRun} (one run, with its builder: the HTTP client, a listener, a clock),
 * {@link dev.discard.archive.ArchiveListener} (progress), {@link dev.discard.archive.RunResult} and
 * {@link dev.discard.archive.ChannelResult} (what a run and a channel gave),
 * {@link dev.discard.archive.RunFailedException}, {@link dev.discard.archive.Mode}, and
 * {@link dev.discard.archive.ResumedSettings} (continue an interrupted run). README.md shows a complete example.
 *
 * <p><b>Internal</b>: every other type here, public or not ({@code ExchangeLog}, {@code RunLayout}, …), and every
 * type of {@code dev.discard.format}, is public only for discard's own packages and may change at any time.
 *
 * <p>Logging goes through SLF4J only, never to the console: INFO for a run's and each channel's start and end,
 * retries and 429 waits; DEBUG for each request (without the token or message contents); WARN only for what the
 * result does not tell. With Logback as the backend, each run also writes its lines into {@code run.log} in its run
 * directory (see {@code RunLog}).
 */
package dev.discard.archive;
