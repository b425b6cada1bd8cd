package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.discard.discord.WsFrame;
import dev.discard.discord.gateway.DispatchSink;
import dev.discard.discord.gateway.GatewayException;
import dev.discard.format.RunFiles;
import dev.discard.format.Snowflake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live part of a {@code --follow} run (DESIGN.md, "Following a guild live"). As the gateway's {@link DispatchSink}
 * it records each dispatch about a followed channel into that channel's log and other dispatches of a followed guild
 * into its {@code guild.jsonl}, from the session's first dispatch on. On the run thread it waits, after the history,
 * until it is stopped or the gateway gives up, backfilling every followed channel over REST whenever a new session
 * had to be identified (the gap is written into the channel's meta), and cutting the run into periods
 * ({@code --rotate}): at each cut the next run directory takes the dispatches, whichever thread sees the cut first,
 * and the run thread closes the one before.
 */
final class Follower implements DispatchSink, FollowStatus {
    private static final Logger LOG = LoggerFactory.getLogger(Follower.class);

    /** What the run thread is asked to do next. */
    private sealed interface Request {}

    private record Stop(String reason) implements Request {}

    private record Backfill(Instant from, Instant to) implements Request {}

    private record Failed(GatewayException failure) implements Request {}

    /** A dispatch came at or after the cut: time to rotate. */
    private record Tick() implements Request {}

    /** Opens the run directory that starts at a cut. */
    @FunctionalInterface
    interface Periods {
        RunPeriod open(Instant cut, RunPeriod previous) throws IOException;
    }

    /** A period that was cut and waits for its closing pass on the run thread. */
    record Closing(RunPeriod period, Instant cut, RunPeriod next) {}

    /** The period dispatches go to. */
    private volatile RunPeriod period;
    private final Periods periods;
    private final java.time.Duration rotate;
    private final SwitchingSink sessionSink;
    /** When the current period ends. Guarded by this. */
    private Instant nextCut;
    private final BlockingQueue<Closing> closing = new LinkedBlockingQueue<>();
    private final Clock clock;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final CountDownLatch followingStarted = new CountDownLatch(1);
    final Stats stats = new Stats();
    /** The gateway session's state, once following. */
    private volatile java.util.function.Supplier<String> session = () -> "connecting";
    /** Sessions identified so far (READY dispatches). */
    private final java.util.concurrent.atomic.AtomicInteger sessions = new java.util.concurrent.atomic.AtomicInteger();
    /** When the last dispatch arrived: a lost session's gap starts there. */
    private volatile Instant lastDispatch;
    private boolean following;
    private String stopReason;

    /** What the follow has recorded so far, for status displays. */
    static final class Stats {
        final LongAdder events = new LongAdder();
        final LongAdder created = new LongAdder();
        final LongAdder edited = new LongAdder();
        final LongAdder deleted = new LongAdder();
        final LongAdder gaps = new LongAdder();
    }

    /**
     * @param first the run's first period, whose history the run archives
     * @param sessionSink the gateway session's sink, switched to each period's {@code run.jsonl}
     */
    Follower(RunPeriod first, Periods periods, java.time.Duration rotate, SwitchingSink sessionSink, Clock clock) {
        this.period = first;
        this.periods = periods;
        this.rotate = rotate;
        this.sessionSink = sessionSink;
        this.clock = clock;
        this.nextCut = RunPeriod.nextCut(clock.instant(), rotate);
    }

    /** The period dispatches go to now: the last one once the run ends. */
    RunPeriod period() {
        return period;
    }

    @Override
    public Outcome dispatch(WsFrame frame, String event, JsonNode d) {
        lastDispatchSeen(frame.time(), event);
        try {
            if (rotateIfDue(frame.time())) requests.add(new Tick());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ArchiveContext context = period.context();
        FollowedChannels channels = context.followed;
        if (event.equals("READY")) {
            if (sessions.incrementAndGet() > 1) {
                // A new session: what happened since the last dispatch of the old one was never sent to us.
                Instant from = lastDispatch != null ? lastDispatch : frame.time();
                LOG.info("gateway: a new session after a lost one; backfilling the followed channels from {}", from);
                stats.gaps.increment();
                requests.add(new Backfill(from, frame.time()));
            }
            return Outcome.NOT_TAKEN;
        }
        if (event.equals("RESUMED")) return Outcome.NOT_TAKEN;
        DispatchRoute route = DispatchRoute.of(event, d);
        try {
            if (!route.aboutChannel()) {
                if (!channels.followsGuild(route.guildId())) return Outcome.NOT_TAKEN;
                context.followLogs.open(Snowflake.toString(route.guildId()) + "/" + RunFiles.GUILD_LOG).ws(frame);
                count(event, d);
                if (event.equals("GUILD_DELETE") && !d.path("unavailable").asBoolean(false)) {
                    channels.all().stream().filter(c -> c.guildStem.equals(Snowflake.toString(route.guildId())))
                            .forEach(c -> c.drop("the account left the guild or it was deleted"));
                }
                return Outcome.RECORDED;
            }
            FollowedChannel channel = channels.about(route, event, d);
            if (channel == null) return Outcome.LEFT_OUT;
            context.followLogs.open(channel.stem()).ws(frame);
            channel.event(event, d);
            count(event, d);
            switch (event) {
                case "CHANNEL_CREATE", "CHANNEL_UPDATE", "THREAD_CREATE", "THREAD_UPDATE" -> channel.describedAs(d);
                case "CHANNEL_DELETE", "THREAD_DELETE" -> channel.drop("deleted on Discord");
                default -> {}
            }
            return Outcome.RECORDED;
        } catch (IOException e) {
            // The reader thread cannot throw: the session ends and the run says why.
            throw new UncheckedIOException(e);
        }
    }

    private void lastDispatchSeen(Instant time, String event) {
        if (!event.equals("READY")) lastDispatch = time;
    }

    private void count(String event, JsonNode d) {
        stats.events.increment();
        switch (event) {
            case "MESSAGE_CREATE" -> stats.created.increment();
            case "MESSAGE_UPDATE" -> stats.edited.increment();
            case "MESSAGE_DELETE" -> stats.deleted.increment();
            case "MESSAGE_DELETE_BULK" -> stats.deleted.add(d.path("ids").size());
            default -> {}
        }
    }

    @Override
    public long events() {
        return stats.events.sum();
    }

    @Override
    public long messagesCreated() {
        return stats.created.sum();
    }

    @Override
    public long messagesEdited() {
        return stats.edited.sum();
    }

    @Override
    public long messagesDeleted() {
        return stats.deleted.sum();
    }

    @Override
    public int channels() {
        return period.context().followed.size();
    }

    @Override
    public String session() {
        return session.get();
    }

    @Override
    public Instant lastEvent() {
        return lastDispatch;
    }

    @Override
    public long gaps() {
        return stats.gaps.sum();
    }

    @Override
    public java.nio.file.Path runDirectory() {
        return period.layout().root();
    }

    /** The gateway session ended for good; the follow ends with it. Session thread. */
    void gatewayFailed(GatewayException failure) {
        requests.add(new Failed(failure));
    }

    /**
     * Asks a following run to stop. Returns false when it is not following yet (still archiving the range): the
     * caller stops it as any run.
     */
    synchronized boolean stop(String reason) {
        if (stopReason == null) stopReason = reason;
        if (!following) return false;
        requests.add(new Stop(reason));
        return true;
    }

    /** Waits until the run follows (its range archived), up to {@code timeout}; true if it does. */
    boolean awaitFollowing(long timeout, TimeUnit unit) throws InterruptedException {
        return followingStarted.await(timeout, unit);
    }

    /**
     * Follows until stopped, backfilling after each lost session. Run thread.
     *
     * @return why it stopped ({@code SIGTERM}, say)
     * @throws GatewayException when the gateway gave up; the caller still closes the run
     */
    String followUntilStopped(PeriodCloser closer, java.util.function.Supplier<String> session)
            throws InterruptedException, IOException, GatewayException {
        this.session = session;
        synchronized (this) {
            if (stopReason != null) throw new InterruptedException("stopped before following: " + stopReason);
            following = true;
        }
        lastDispatch = lastDispatch != null ? lastDispatch : clock.instant();
        LOG.info("following {} channels", period.context().followed.size());
        followingStarted.countDown();
        period.context().listener.following(this);
        while (true) {
            rotateIfDue(clock.instant());
            for (Closing cut; (cut = nextClosing()) != null; ) closer.close(cut);
            Request request = requests.poll(waitMillis(), TimeUnit.MILLISECONDS);
            if (request instanceof Stop stop) return stop.reason();
            if (request instanceof Failed failed) throw failed.failure();
            if (request instanceof Backfill gap) walks().backfill(gap.from(), gap.to());
        }
    }

    /** Until the cut, at most an hour: a clock that jumps (suspend, NTP) is looked at again soon enough. */
    private synchronized long waitMillis() {
        long millis = java.time.Duration.between(clock.instant(), nextCut).toMillis();
        return Math.max(1, Math.min(millis, 3_600_000));
    }

    /** Closes a period that was cut: its closing pass, meta files and logs; the next goes on from there. */
    @FunctionalInterface
    interface PeriodCloser {
        void close(Closing cut) throws IOException, InterruptedException;
    }

    /** Gaps still waiting for their backfill when the follow ended, handled by the closing pass. */
    void drainBackfills() throws IOException, InterruptedException {
        for (Request request; (request = requests.poll()) != null; ) {
            if (request instanceof Backfill gap) walks().backfill(gap.from(), gap.to());
        }
    }

    /** The walks of the current period. */
    FollowWalks walks() {
        ArchiveContext context = period.context();
        return new FollowWalks(context, context.followed);
    }

    /**
     * At or after the cut, opens the next period and sends the dispatches there; the one before waits in
     * {@link #closing} for its closing pass. Returns whether it rotated.
     */
    private synchronized boolean rotateIfDue(Instant now) throws IOException {
        if (!following || now.isBefore(nextCut)) return false;
        Instant cut = nextCut;
        RunPeriod previous = period;
        RunPeriod next = periods.open(cut, previous);
        for (FollowedChannel channel : previous.context().followed.all()) {
            if (channel.dropped() == null) next.context().followed.carry(channel);
        }
        sessionSink.switchTo(next.runLog());
        period = next;
        nextCut = RunPeriod.nextCut(cut, rotate);
        closing.add(new Closing(previous, cut, next));
        LOG.info("rotated at {} into {}", cut, next.layout().root());
        return true;
    }

    /** The periods cut so far and not yet closed, oldest first; the run thread closes them. */
    Closing nextClosing() {
        return closing.poll();
    }
}
