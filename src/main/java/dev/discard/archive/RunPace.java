package dev.discard.archive;

/**
 * How fast a run goes, at one moment: what a progress display shows beside each channel. Immutable.
 *
 * @param channelsDone channels and threads finished (or finished before a resume)
 * @param channelsFound channels and threads the run has found to archive so far (threads join as they are listed)
 * @param requests HTTP attempts recorded so far
 * @param perSecond requests sent over the last second, all channels together
 * @param budget requests per second the run may send now ({@code --max-rate}, slowed while refusals accumulate); 0
 *     without a budget of its own
 */
public record RunPace(long channelsDone, long channelsFound, long requests, double perSecond, double budget) {}
