package dev.discard.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.discord.ApiRequest;
import dev.discard.discord.ApiResponse;
import dev.discard.discord.DiscordRest;
import dev.discard.discord.Routes;
import dev.discard.discord.gateway.ReconnectPolicy;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The middle of a run, where it talks to Discord: logs in over REST, opens the gateway session beside it (or goes on
 * over REST only, saying why), and archives what the mode asks for. The run's meta hears the user, the warnings and
 * the gateway's end.
 */
final class RunSession {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveRun.class);

    private final ArchiveSettings settings;
    private final OkHttpClient http;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RandomGenerator random;
    private final ReconnectPolicy reconnect;

    RunSession(ArchiveSettings settings, OkHttpClient http, ObjectMapper mapper, Clock clock, RandomGenerator random,
            ReconnectPolicy reconnect) {
        this.settings = settings;
        this.http = http;
        this.mapper = mapper;
        this.clock = clock;
        this.random = random;
        this.reconnect = reconnect;
    }

    /**
     * Runs the session into {@code runLog}; the gateway is closed when it returns or throws. With a follower, the run
     * follows the gateway after its range until stopped, then makes its closing pass.
     */
    void run(ArchiveContext context, RunMeta meta, ExchangeLog runLog, Follower follower, FollowPeriods periods,
            dev.discard.discord.ExchangeSink sessionSink) throws IOException, InterruptedException {
        JsonNode user = login(context.rest, runLog);
        meta.user(user);
        GatewayLink gateway = null;
        if (!settings.noGateway()) {
            try {
                gateway = GatewayLink.open(context.rest, http, mapper, sessionSink, clock, random, reconnect,
                        settings.userAccount(), settings.members(), follower);
            } catch (GatewayLink.Unavailable e) {
                LOG.warn(e.getMessage());
                meta.warning(e.getMessage());
                meta.gateway(Map.of(), e.getMessage());
            }
        }
        try {
            if (gateway != null) {
                if (gateway.ready().user() != null && gateway.ready().user().isObject()) {
                    meta.user(gateway.ready().user());
                }
            }
            context.selfId = Ids.of(user, "id");
            new ModeRunner(context, meta, user, gateway).run(settings, runLog);
            if (follower != null) follow(follower, periods, meta, gateway);
        } finally {
            if (gateway != null) {
                // READY's application flags alone mislead: a compatible server sends 0 and every content arrives.
                gateway.messageContentWarning(settings.userAccount()).filter(w -> lacksContent(context.counters))
                        .ifPresent(warning -> {
                            LOG.warn(warning);
                            meta.warning(warning);
                        });
                gateway.close();
                RunMeta last = follower != null ? follower.period().meta() : meta;
                last.gateway(gateway.droppedEvents(), gateway.failure().orElse(null));
            }
        }
    }

    /**
     * Follows until stopped or the gateway gives up; either way the gateway is closed and the closing pass made, so
     * the run's files hold every message that still exists up to the end. A gateway that gave up fails the run after.
     */
    private void follow(Follower follower, FollowPeriods periods, RunMeta meta, GatewayLink gateway)
            throws IOException, InterruptedException {
        if (gateway == null) throw new IOException("--follow needs the gateway, and there is none: "
                + meta.gatewayError());
        dev.discard.discord.gateway.GatewayException failure = null;
        String reason = null;
        try {
            reason = follower.followUntilStopped(periods, gateway::status);
        } catch (dev.discard.discord.gateway.GatewayException e) {
            failure = e;
        }
        gateway.close();
        for (Follower.Closing cut; (cut = follower.nextClosing()) != null; ) periods.close(cut);
        follower.drainBackfills();
        // Whole seconds: the meta files write the range in seconds, and it must say exactly what was covered.
        java.time.Instant cut = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        follower.walks().close(cut);
        follower.period().meta().followEnded(cut, reason);
        LOG.info("follow ended ({}): {} events, closing pass up to {}", reason != null ? reason : "gateway failed",
                follower.stats.events.sum(), cut);
        if (failure != null) throw failure;
    }

    /** Whether the messages show no content of others: none of theirs came with any. */
    private static boolean lacksContent(RunCounters counters) {
        return counters.othersWithContent.sum() == 0;
    }

    private static JsonNode login(DiscordRest rest, ExchangeLog runLog) throws IOException, InterruptedException {
        ApiResponse me = rest.get(ApiRequest.get(Routes.ME), runLog);
        return me.require("login", false);
    }
}
