package dev.discard.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A Discord REST API on MockWebServer, written from the developer documentation: routes under {@code /api/v<n>},
 * bot ({@code Bot <token>}) or user (bare token) authorization, history paging with {@code limit} (1–100, default 50)
 * and {@code after}/{@code before} answered newest first (or oldest first, as Spacebar does, with
 * {@link #oldestFirst}), reaction users in id order (limit default 25), Discord's JSON error bodies and codes,
 * {@code X-RateLimit-*} headers per bucket and major parameter, 429s with {@code retry_after}, and scripted failures.
 */
public final class FakeDiscord extends Dispatcher implements AutoCloseable {
    public static final String DATE = "Mon, 01 Feb 2021 17:47:43 GMT";

    final ObjectMapper mapper = new ObjectMapper();
    private final String token;
    private final boolean userAccount;
    private final ObjectNode self;
    private final Map<Long, ObjectNode> users = new LinkedHashMap<>();
    private final Map<Long, FakeGuild> guilds = new LinkedHashMap<>();
    private final Map<Long, FakeChannel> channels = new LinkedHashMap<>();
    private final RateLimits rateLimits = new RateLimits();
    private final ConcurrentLinkedQueue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    private final RequestLog requests = new RequestLog();
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private final MockWebServer server = new MockWebServer();
    private final FakeGateway gateway;
    /** Nanoseconds of a client's wait after which idle connections are closed; 0 for never. */
    private volatile long idleTimeoutNanos;
    private volatile boolean oldestFirst;
    /** The most messages a history page holds, whatever {@code limit} asks; 0 for no cap of its own. */
    private volatile int pageCap;
    private final FakeThreads threads = new FakeThreads(this);
    private final Map<String, ObjectNode> invites = new LinkedHashMap<>();
    /** Whether the bot may list members (the GUILD_MEMBERS intent is enabled for it). */
    private volatile boolean membersAllowed = true;
    /** Whether members without {@code after} fail with 500, as a compatible server (Spacebar) answers. */
    private volatile boolean compatibleMembers;
    /** Whether listed members carry {@code id} instead of {@code user}, as Spacebar sends them. */
    private volatile boolean membersWithoutUser;
    /** Whether reaction users come all at once, unordered, {@code after} ignored. */
    private volatile boolean reactionUsersUnordered;
    /** Whether others' messages come without content, as to a bot without the MESSAGE_CONTENT intent. */
    private volatile boolean contentWithheld;
    /** How far the server's clock is from the local one (Date headers and {@link #now}). */
    private volatile Duration clockOffset = Duration.ZERO;
    /** Whether the bot has MANAGE_THREADS (private archived threads) and MANAGE_WEBHOOKS. */
    private volatile boolean managesThreads;
    private volatile boolean managesWebhooks;
    private volatile Clock clock;
    private volatile Hang hang;
    /** Random faults: share of requests answered 500/502, dropped or slow; null for none. */
    private volatile Faults faults;
    /** Path parts whose answers come this many milliseconds late, as a slow server's would. */
    private final Map<String, Long> slow = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile UnaryOperator<ObjectNode> refetch;

    public FakeDiscord(String token, boolean userAccount, ObjectNode self) {
        this.token = token;
        this.userAccount = userAccount;
        this.self = self;
        users.put(Long.parseLong(self.get("id").asText()), self);
        gateway = new FakeGateway().token(token).user(self.toString());
        gateway.install(server, this);
    }

    /** The gateway on the same server, at the URL {@code GET /gateway/bot} and {@code GET /gateway} answer. */
    public FakeGateway gateway() {
        return gateway;
    }

    /** Announces the guild on the gateway: READY lists it, GUILD_CREATE carries its channels, roles and members. */
    public FakeDiscord announce(FakeGuild guild) {
        ObjectNode d = guild.json.deepCopy();
        d.put("joined_at", "2021-01-01T00:00:00.000000+00:00");
        d.put("large", false);
        d.put("unavailable", false);
        d.put("member_count", guild.members.size());
        ArrayNode channelList = d.putArray("channels");
        guild.channels.values().forEach(c -> channelList.add(c.json));
        ArrayNode memberList = d.putArray("members");
        guild.members.values().forEach(memberList::add);
        d.putArray("threads");
        d.putArray("presences");
        d.putArray("voice_states");
        gateway.guild(d.toString());
        return this;
    }

    /** Starts serving on a free loopback port. */
    public FakeDiscord start() throws IOException {
        server.start();
        return this;
    }

    /** Starts on a given port, for runs whose recorded URLs must not change (the example). */
    public FakeDiscord start(int port) throws IOException {
        server.start(port);
        return this;
    }

    /** The API base URL to hand to {@code --api-url}. */
    public String apiUrl() {
        String url = server.url("/api/v10").toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public MockWebServer server() {
        return server;
    }

    /** Every request received, in order. */
    public List<RecordedRequest> requests() {
        return requests.all();
    }

    /** Paths (without query) of the requests received, in order. */
    public List<String> paths() {
        return requests.paths();
    }

    public int tooManyRequests() {
        return tooManyRequests.get();
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    /**
     * Answers at most {@code cap} messages a history page whatever {@code limit} asks for, as Discord-compatible servers
     * may: a page of {@code cap} messages is then full, not the last.
     */
    public FakeDiscord capsPages(int cap) {
        pageCap = cap;
        return this;
    }

    /** Answer {@code after} pages oldest first, as Discord-compatible servers (Spacebar) do. */
    public FakeDiscord oldestFirst() {
        oldestFirst = true;
        return this;
    }

    /** A fixed clock makes the Date and rate-limit headers deterministic, for golden files. */
    public FakeDiscord clock(Clock clock) {
        this.clock = clock;
        rateLimits.deterministic(clock.instant().getEpochSecond());
        return this;
    }

    /**
     * How {@code GET /channels/{c}/messages/{m}} changes a message before answering (e.g. signs its attachment URLs
     * anew, as Discord does); as stored when not set.
     */
    public FakeDiscord refetch(UnaryOperator<ObjectNode> refetch) {
        this.refetch = refetch;
        return this;
    }

    /** The next {@code count} requests whose path contains {@code pathPart} get this answer instead. */
    public FakeDiscord script(String pathPart, int count, MockResponse response) {
        for (int i = 0; i < count; i++) scripted.add(new Scripted(pathPart, response, false));
        return this;
    }

    /**
     * The {@code nth} request (1-based) whose path and query contain {@code pathPart} gets no answer until the client gives
     * up or the server closes: for interruption tests.
     */
    public FakeDiscord hangOn(String pathPart, int nth) {
        hang = new Hang(pathPart, nth, false);
        return this;
    }

    /** Answers every request again. */
    public FakeDiscord stopHanging() {
        hang = null;
        return this;
    }

    /** As {@link #hangOn}, and every later request whose path contains {@code pathPart} hangs too (its retries). */
    public FakeDiscord hangFrom(String pathPart, int nth) {
        hang = new Hang(pathPart, nth, true);
        return this;
    }

    /**
     * Answers a share of requests (after the login) with a fault, drawn from a seeded random so runs repeat: a 500, a
     * 502 with an HTML body, a dropped connection, or an answer slower than {@code slowMillis}.
     */
    public FakeDiscord faults(double rate, long seed, long slowMillis) {
        faults = new Faults(rate, new java.util.Random(seed), slowMillis);
        return this;
    }

    /**
     * Answers every request whose path and query contain {@code pathPart} {@code millis} late (the answer is held
     * back, the server goes on with other requests meanwhile).
     */
    public FakeDiscord slow(String pathPart, long millis) {
        slow.put(pathPart, millis);
        return this;
    }

    /** The next request whose path contains {@code pathPart} gets exactly this answer, without Discord's headers. */
    public FakeDiscord scriptRaw(String pathPart, MockResponse response) {
        scripted.add(new Scripted(pathPart, response, true));
        return this;
    }

    /**
     * Lists members as Spacebar does: each with its own {@code id} and no {@code user} object (which the docs say a
     * listed member has), and a 500 for an {@code after} at or past 2^63 (its database's signed ids).
     */
    public FakeDiscord membersWithoutUser() {
        membersWithoutUser = true;
        return this;
    }

    /**
     * Answers reaction users as a compatible server may: all of them at once (more than {@code limit}), in no id
     * order, with {@code after} ignored. The docs say up to {@code limit} (1–100) users after the {@code after} id.
     */
    public FakeDiscord reactionUsersUnordered() {
        reactionUsersUnordered = true;
        return this;
    }

    /**
     * Withholds the content of others' messages (empty {@code content}, {@code embeds}, {@code attachments},
     * {@code components}), as Discord does for a bot without the MESSAGE_CONTENT intent.
     */
    public FakeDiscord contentWithheld() {
        contentWithheld = true;
        return this;
    }

    /** Answers {@code GET /guilds/{id}/members} without {@code after} with a 500, as Spacebar does. */
    public FakeDiscord compatibleMembers() {
        compatibleMembers = true;
        return this;
    }

    /**
     * Closes connections idle for {@code millis}, as Node servers do after 5 s: the client's waits are told with
     * {@link #clientWaited}, and a wait at least this long closes every connection waiting for its next request.
     */
    public FakeDiscord idleTimeout(int millis) {
        idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(millis);
        gateway.trackIdleConnections();
        return this;
    }

    /** The client waited {@code nanos} (a rate limit, a retry): time in which idle connections time out. */
    public void clientWaited(long nanos) {
        if (idleTimeoutNanos <= 0 || nanos < idleTimeoutNanos) return;
        try {
            gateway.closeIdleConnections();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the server's clock this far from the local one (or the fixed clock): Date headers and {@link #now}. */
    public FakeDiscord clockOffset(Duration offset) {
        clockOffset = offset;
        return this;
    }

    /** The server's time now: what it stamps new messages and Date headers with. */
    public Instant now() {
        Clock c = clock;
        return (c == null ? Instant.now() : c.instant()).plus(clockOffset);
    }

    /** Refuses {@code GET /guilds/{id}/members} as Discord does without the GUILD_MEMBERS intent. */
    public FakeDiscord membersRefused() {
        membersAllowed = false;
        return this;
    }

    public FakeDiscord managesThreadsAndWebhooks() {
        managesThreads = true;
        managesWebhooks = true;
        return this;
    }

    /** An invite {@code GET /invites/{code}} answers, pointing at {@code channel}. */
    public ObjectNode invite(String code, FakeGuild guild, FakeChannel channel) {
        ObjectNode invite = mapper.createObjectNode();
        invite.put("type", 0);
        invite.put("code", code);
        invite.set("guild", guild.json.deepCopy().retain("id", "name", "icon", "features"));
        invite.set("channel", channel.json.deepCopy().retain("id", "name", "type"));
        invite.put("approximate_member_count", guild.members.size());
        invite.put("approximate_presence_count", 0);
        invite.putNull("expires_at");
        invites.put(code, invite);
        return invite;
    }

    /** Makes {@code thread} a thread of {@code parent}: archived at {@code archivedAt}, or active when null. */
    public FakeChannel thread(FakeChannel thread, FakeChannel parent, String archivedAt, String createdAt) {
        FakeThreads.makeThread(thread, parent, archivedAt, createdAt);
        return thread;
    }

    /** A 429 as Discord sends it: {@code retry_after} seconds, bucket or global. */
    public MockResponse tooManyRequests(double retryAfter, boolean global) {
        ObjectNode body = mapper.createObjectNode();
        body.put("message", "You are being rate limited.");
        body.put("retry_after", retryAfter);
        body.put("global", global);
        MockResponse response = json(429, body)
                .setHeader("Retry-After", (long) Math.ceil(retryAfter))
                .setHeader("X-RateLimit-Scope", global ? "global" : "user");
        if (global) response.setHeader("X-RateLimit-Global", "true");
        return response;
    }

    /**
     * A request that gets no answer: the server reads it and closes the connection. (MockWebServer applies
     * DISCONNECT_AT_START before it asks a dispatcher, so a scripted one would answer 200.)
     */
    public MockResponse noAnswer() {
        return new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AFTER_REQUEST);
    }

    public MockResponse error(int status, int code, String message) {
        ObjectNode body = mapper.createObjectNode();
        body.put("message", message);
        body.put("code", code);
        return json(status, body);
    }

    /** Gives the channel a history of {@code count} messages made on demand, one a second from {@code start}. */
    public FakeDiscord synthesize(FakeChannel channel, int count, Instant start) {
        channel.synthetic = new SyntheticHistory(this, channel.id(), count, start, self);
        return this;
    }

    /** The ids of a channel's messages, oldest first, as decimal strings. */
    public List<String> standardIds(long channelId) {
        List<String> ids = new ArrayList<>();
        channels.get(channelId).messages.keySet().forEach(id -> ids.add(Long.toString(id)));
        return ids;
    }

    public FakeChannel channel(long id) {
        return channels.get(id);
    }

    public FakeGuild guild(long id) {
        return guilds.get(id);
    }

    public ObjectNode self() {
        return self;
    }

    public ObjectNode user(long id, String name) {
        ObjectNode user = mapper.createObjectNode();
        user.put("id", Long.toString(id));
        user.put("username", name);
        user.putNull("avatar");
        user.put("discriminator", "0");
        user.put("public_flags", 0);
        user.put("flags", 0);
        user.putNull("banner");
        user.putNull("accent_color");
        user.put("global_name", name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
        user.putNull("avatar_decoration_data");
        users.put(id, user);
        return user;
    }

    public FakeGuild guild(long id, String name, long ownerId) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", Long.toString(id));
        json.put("name", name);
        json.putNull("icon");
        json.putNull("description");
        json.putNull("splash");
        json.put("owner_id", Long.toString(ownerId));
        json.put("verification_level", 1);
        json.put("default_message_notifications", 1);
        json.put("explicit_content_filter", 2);
        json.putArray("features").add("COMMUNITY");
        json.put("mfa_level", 0);
        json.put("premium_tier", 0);
        json.put("preferred_locale", "en-US");
        json.putArray("roles");
        json.putArray("emojis");
        json.putArray("stickers");
        FakeGuild guild = new FakeGuild(json);
        guilds.put(id, guild);
        return guild;
    }

    public FakeChannel channel(FakeGuild guild, long id, int type, String name, Long parentId) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", Long.toString(id));
        json.put("type", type);
        if (guild != null) json.put("guild_id", Long.toString(guild.id()));
        json.put("name", name);
        json.put("position", guild == null ? 0 : guild.channels.size());
        json.put("flags", 0);
        if (parentId != null) json.put("parent_id", Long.toString(parentId));
        else json.putNull("parent_id");
        json.putArray("permission_overwrites");
        if (type == 0 || type == 5) {
            json.putNull("topic");
            json.put("nsfw", false);
            json.putNull("last_message_id");
            json.put("rate_limit_per_user", 0);
        }
        FakeChannel channel = new FakeChannel(json);
        if (guild != null) guild.channels.put(id, channel);
        channels.put(id, channel);
        return channel;
    }

    /** One request at a time: the fake's data is plain collections, and runs archive channels in parallel. */
    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        HttpUrl url = request.getRequestUrl();
        List<String> segments = url.pathSegments();
        if (segments.size() < 2 || !segments.get(0).equals("api") || !segments.get(1).matches("v\\d+")) {
            return withDate(error(404, 0, "404: Not Found"));
        }
        if (!(userAccount ? token : "Bot " + token).equals(request.getHeader("Authorization"))) {
            return withDate(error(401, 0, "401: Unauthorized"));
        }
        List<String> route = segments.subList(2, segments.size());
        String path = "/" + String.join("/", route);
        Hang h = hang;
        if (h != null && request.getPath().contains(h.pathPart) && (h.left.decrementAndGet() == 0
                || h.andLater && h.left.get() < 0)) {
            return new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.NO_RESPONSE);
        }
        for (Scripted s : scripted) {
            if (path.contains(s.pathPart) && scripted.remove(s)) return s.raw ? s.response : finish(s.response);
        }
        Faults f = faults;
        if (f != null && !path.equals("/users/@me") && !path.startsWith("/gateway") && f.random.nextDouble() < f.rate) {
            return switch (f.random.nextInt(4)) {
                case 0 -> finish(error(500, 0, "500: Internal Server Error"));
                case 1 -> finish(new MockResponse().setResponseCode(502).setBody("<html>502 Bad Gateway</html>"));
                case 2 -> new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AFTER_REQUEST);
                default -> finish(route(route, url)).setHeadersDelay(f.slowMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            };
        }
        MockResponse limited = rateLimits.check(path, this);
        if (limited != null) return finish(limited);
        MockResponse response = route(route, url);
        rateLimits.headers(path, response);
        slow.forEach((part, millis) -> {
            if (request.getPath().contains(part)) {
                response.setHeadersDelay(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        });
        return finish(response);
    }

    private MockResponse finish(MockResponse response) {
        if (response.getStatus().contains(" 429 ")) tooManyRequests.incrementAndGet();
        return withDate(response.setHeader("Via", "1.1 google"));
    }

    private MockResponse withDate(MockResponse response) {
        Clock c = clock;
        String date = c == null && clockOffset.isZero() ? DATE
                : DateTimeFormatter.RFC_1123_DATE_TIME.format(now().atOffset(ZoneOffset.UTC));
        return response.setHeader("Date", date);
    }

    private MockResponse route(List<String> r, HttpUrl url) {
        String first = r.get(0);
        if (first.equals("gateway") && r.size() <= 2) {
            if (r.size() == 2 && (!r.get(1).equals("bot") || userAccount)) return error(401, 0, "401: Unauthorized");
            return gatewayUrl(r.size() == 2);
        }
        if (first.equals("users")) return users(r, url);
        if (first.equals("invites") && r.size() == 2) {
            ObjectNode invite = invites.get(r.get(1));
            return invite == null ? error(404, 10006, "Unknown Invite") : json(200, invite);
        }
        if (first.equals("channels") && r.size() >= 2) return channels(r, url);
        if (first.equals("guilds") && r.size() >= 2) return guilds(r, url);
        return error(404, 0, "404: Not Found");
    }

    /** {@code GET /gateway/bot} for bots, {@code GET /gateway} for anyone, as the docs describe them. */
    private MockResponse gatewayUrl(boolean bot) {
        ObjectNode body = mapper.createObjectNode();
        body.put("url", gateway.url(server));
        if (bot) {
            body.put("shards", 1);
            body.putObject("session_start_limit").put("total", 1000).put("remaining", 999)
                    .put("reset_after", 14_400_000).put("max_concurrency", 1);
        }
        return json(200, body);
    }

    private MockResponse users(List<String> r, HttpUrl url) {
        if (r.size() == 2 && r.get(1).equals("@me")) return json(200, self);
        if (r.size() == 3 && r.get(1).equals("@me") && r.get(2).equals("channels")) {
            if (!userAccount) return json(200, mapper.createArrayNode());
            ArrayNode dms = mapper.createArrayNode();
            channels.values().stream().filter(c -> !c.json.has("guild_id")).forEach(c -> dms.add(c.json));
            return json(200, dms);
        }
        if (r.size() == 3 && r.get(1).equals("@me") && r.get(2).equals("guilds")) return ownGuilds(url);
        if (r.size() == 5 && r.get(1).equals("@me") && r.get(2).equals("guilds") && r.get(4).equals("member")) {
            if (!userAccount) return error(401, 0, "401: Unauthorized");
            FakeGuild guild = guilds.get(parse(r.get(3)));
            ObjectNode member = guild == null ? null : guild.members.get(parse(self.get("id").asText()));
            return member == null ? error(404, 10004, "Unknown Guild") : json(200, member);
        }
        ObjectNode user = users.get(parse(r.get(1)));
        if (user == null) return error(404, 10013, "Unknown User");
        if (r.size() == 2) return json(200, user);
        if (r.size() == 3 && r.get(2).equals("profile")) {
            if (!userAccount) return error(403, 50001, "Missing Access");
            ObjectNode profile = mapper.createObjectNode();
            profile.set("user", user);
            profile.putArray("connected_accounts");
            profile.putNull("premium_since");
            return json(200, profile);
        }
        return error(404, 0, "404: Not Found");
    }

    private MockResponse channels(List<String> r, HttpUrl url) {
        FakeChannel channel = channels.get(parse(r.get(1)));
        if (channel == null) return error(404, 10003, "Unknown Channel");
        if (channel.hiddenFromBot) return error(403, 50001, "Missing Access");
        long allowed = permissions(channel);
        if (!FakePermissions.has(allowed, FakePermissions.VIEW_CHANNEL)) return error(403, 50001, "Missing Access");
        if (r.size() == 2) return json(200, channel.json);
        if (r.size() == 3 && r.get(2).equals("messages")) return history(channel, url);
        if (r.size() == 4 && r.get(2).equals("messages") && r.get(3).equals("pins")) {
            return channel.oldPinsOnly ? error(404, 0, "404: Not Found") : pins(channel, url);
        }
        if (r.size() == 3 && r.get(2).equals("pins")) {
            ArrayNode list = mapper.createArrayNode();
            channel.pins.forEach(p -> list.add(channel.messages.get((Long) p[0])));
            return json(200, list);
        }
        FakeGuild owner = channel.json.has("guild_id") ? guilds.get(parse(channel.json.get("guild_id").asText())) : null;
        if (owner != null && r.size() == 5 && r.get(2).equals("threads") && r.get(3).equals("archived")) {
            return threads.archived(owner, channel, r.get(4), url, managesThreads);
        }
        if (owner != null && r.size() == 7 && r.get(2).equals("users") && r.get(4).equals("threads")) {
            return userAccount ? threads.archived(owner, channel, "joined", url, true) : error(403, 50001, "Missing Access");
        }
        if (r.size() == 4 && r.get(2).equals("messages")) {
            ObjectNode message = channel.messages.get(parse(r.get(3)));
            if (message == null) return error(404, 10008, "Unknown Message");
            UnaryOperator<ObjectNode> fresh = refetch;
            return json(200, fresh == null ? message : fresh.apply(message.deepCopy()));
        }
        if (r.size() == 6 && r.get(2).equals("messages") && r.get(4).equals("reactions")) {
            return reactionUsers(channel, parse(r.get(3)), r.get(5), url);
        }
        return error(404, 0, "404: Not Found");
    }

    /**
     * {@code GET /users/@me/guilds}: the partial guilds the account is a member of, by id, with {@code limit} (1–200,
     * default 200) and {@code after}.
     */
    private MockResponse ownGuilds(HttpUrl url) {
        String limitParam = url.queryParameter("limit");
        int limit = limitParam == null ? 200 : Integer.parseInt(limitParam);
        long after = url.queryParameter("after") == null ? 0 : parse(url.queryParameter("after"));
        long selfId = parse(self.get("id").asText());
        ArrayNode page = mapper.createArrayNode();
        guilds.values().stream().sorted(java.util.Comparator.comparingLong(FakeGuild::id))
                .filter(g -> g.id() > after && g.members.containsKey(selfId)).limit(limit)
                .forEach(g -> page.addObject().put("id", Long.toString(g.id())).put("name", g.json.get("name").asText())
                        .set("icon", g.json.get("icon")));
        return json(200, page);
    }

    private MockResponse history(FakeChannel channel, HttpUrl url) {
        Integer asked = limit(url, 50);
        if (asked == null) return invalidLimit();
        int limit = pageCap > 0 ? Math.min(asked, pageCap) : asked;
        if (channel.historyForbidden) return error(403, 50001, "Missing Access");
        if (channel.historyFails) return error(500, 0, "500: Internal Server Error");
        ArrayNode page = mapper.createArrayNode();
        if (channel.historyHidden || !FakePermissions.has(permissions(channel), FakePermissions.READ_MESSAGE_HISTORY)) {
            return json(200, page);
        }
        List<ObjectNode> picked = new ArrayList<>();
        String after = url.queryParameter("after");
        String before = url.queryParameter("before");
        if (channel.synthetic != null && after != null) {
            picked.addAll(channel.synthetic.after(parse(after), limit));
            if (!oldestFirst) Collections.reverse(picked);
        } else if (after != null) {
            for (ObjectNode m : channel.messages.tailMap(parse(after), false).values()) {
                if (picked.size() == limit) break;
                picked.add(m);
            }
            if (!oldestFirst) Collections.reverse(picked);
        } else {
            NavigableMap<Long, ObjectNode> older = before != null
                    ? channel.messages.headMap(parse(before), false) : channel.messages;
            for (ObjectNode m : older.descendingMap().values()) {
                if (picked.size() == limit) break;
                picked.add(m);
            }
        }
        for (ObjectNode m : picked) page.add(contentWithheld && !m.path("author").path("id").asText()
                .equals(self.get("id").asText()) ? withoutContent(m) : m);
        return json(200, page);
    }

    /** A message of another as a bot without the MESSAGE_CONTENT intent gets it (docs: "Message Content Intent"). */
    private static ObjectNode withoutContent(ObjectNode message) {
        ObjectNode copy = message.deepCopy();
        copy.put("content", "");
        copy.putArray("embeds");
        copy.putArray("attachments");
        copy.putArray("components");
        return copy;
    }

    /** The account's permissions in a guild channel; everything in a DM. */
    private long permissions(FakeChannel channel) {
        JsonNode guildId = channel.json.get("guild_id");
        FakeGuild guild = guildId == null ? null : guilds.get(parse(guildId.asText()));
        return guild == null ? -1L : FakePermissions.of(guild, channel, self.get("id").asText());
    }

    private MockResponse reactionUsers(FakeChannel channel, long messageId, String emoji, HttpUrl url) {
        Integer limit = limit(url, 25);
        if (limit == null) return invalidLimit();
        if (!channel.messages.containsKey(messageId)) return error(404, 10008, "Unknown Message");
        Map<Integer, List<Long>> byType = channel.reactions.getOrDefault(messageId, Map.of()).get(emoji);
        if (byType == null) return error(404, 10014, "Unknown Emoji");
        String type = url.queryParameter("type");
        List<Long> ids = new ArrayList<>(byType.getOrDefault(type == null ? 0 : Integer.parseInt(type), List.of()));
        Collections.sort(ids);
        ArrayNode page = mapper.createArrayNode();
        if (reactionUsersUnordered) {
            // Every user at once, newest reaction first (not by id), whatever `after` and `limit` say.
            Collections.reverse(ids);
            if (ids.size() > 2) Collections.swap(ids, 0, ids.size() / 2);
            for (long id : ids) page.add(users.containsKey(id) ? users.get(id) : user(id, "user" + id));
            return json(200, page);
        }
        long after = url.queryParameter("after") == null ? 0 : parse(url.queryParameter("after"));
        for (long id : ids) {
            if (id <= after) continue;
            if (page.size() == limit) break;
            page.add(users.containsKey(id) ? users.get(id) : user(id, "user" + id));
        }
        return json(200, page);
    }

    private MockResponse guilds(List<String> r, HttpUrl url) {
        FakeGuild guild = guilds.get(parse(r.get(1)));
        if (guild == null) return error(404, 10004, "Unknown Guild");
        if (r.size() == 2) {
            ObjectNode body = guild.json.deepCopy();
            if ("true".equals(url.queryParameter("with_counts"))) {
                body.put("approximate_member_count", guild.members.size());
                body.put("approximate_presence_count", 0);
            }
            return json(200, body);
        }
        String what = r.get(2);
        if (r.size() == 3 && what.equals("channels")) {
            ArrayNode list = mapper.createArrayNode();
            guild.channels.values().forEach(c -> list.add(c.json));
            return json(200, list);
        }
        if (r.size() == 3 && what.equals("roles")) return json(200, guild.json.get("roles"));
        if (r.size() == 4 && what.equals("threads") && r.get(3).equals("active")) return threads.active(guild);
        if (r.size() == 3 && what.equals("members")) return members(guild, url);
        if (r.size() == 3 && what.equals("webhooks")) {
            return managesWebhooks ? json(200, mapper.createArrayNode()) : error(403, 50013, "Missing Permissions");
        }
        if (r.size() == 3 && what.equals("scheduled-events")) return json(200, mapper.createArrayNode());
        if (r.size() == 3 && what.equals("soundboard-sounds")) {
            ObjectNode sounds = mapper.createObjectNode();
            sounds.putArray("items");
            return json(200, sounds);
        }
        if (r.size() == 3 && what.equals("emojis")) return json(200, guild.json.get("emojis"));
        if (r.size() == 3 && what.equals("stickers")) return json(200, guild.json.get("stickers"));
        if (r.size() == 4 && what.equals("members")) {
            ObjectNode member = guild.members.get(parse(r.get(3)));
            return member == null ? error(404, 10007, "Unknown Member") : json(200, member);
        }
        return error(404, 0, "404: Not Found");
    }

    /** {@code GET /channels/{id}/messages/pins}: newest pin first, 1–50 a page, {@code before} a pinned_at. */
    private MockResponse pins(FakeChannel channel, HttpUrl url) {
        Integer limit = limit(url, 50);
        if (limit == null || limit > 50) return invalidLimit();
        String before = url.queryParameter("before");
        ObjectNode body = mapper.createObjectNode();
        ArrayNode items = body.putArray("items");
        int left = 0;
        for (Object[] pin : channel.pins) {
            if (before != null && ((String) pin[1]).compareTo(before) >= 0) continue;
            if (items.size() == limit) {
                left++;
                continue;
            }
            ObjectNode item = items.addObject();
            item.put("pinned_at", (String) pin[1]);
            item.set("message", channel.messages.get((Long) pin[0]));
        }
        body.put("has_more", left > 0);
        return json(200, body);
    }

    /** {@code GET /guilds/{id}/members}: by user id, {@code limit} 1–1000 (default 1), {@code after} a user id. */
    private MockResponse members(FakeGuild guild, HttpUrl url) {
        if (!membersAllowed) return error(403, 50001, "Missing Access");
        if (compatibleMembers && url.queryParameter("after") == null) {
            return error(500, 0, "Internal Server Error"); // Spacebar reads `after` unchecked.
        }
        String value = url.queryParameter("limit");
        int limit;
        try {
            limit = value == null ? 1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return invalidLimit();
        }
        if (limit < 1 || limit > 1000) return invalidLimit();
        long after = url.queryParameter("after") == null ? 0 : parse(url.queryParameter("after"));
        if (membersWithoutUser && after < 0) return error(500, 0, "Internal Server Error");
        ArrayNode page = mapper.createArrayNode();
        guild.members.entrySet().stream().filter(e -> e.getKey() > after).sorted(Map.Entry.comparingByKey())
                .limit(limit).forEach(e -> page.add(membersWithoutUser ? withoutUser(e.getValue()) : e.getValue()));
        return json(200, page);
    }

    /** Spacebar's member: the user's id as the member's own, no user object. */
    private static ObjectNode withoutUser(ObjectNode member) {
        ObjectNode copy = member.deepCopy();
        copy.put("id", member.path("user").path("id").asText());
        copy.remove("user");
        return copy;
    }

    private static Integer limit(HttpUrl url, int byDefault) {
        String value = url.queryParameter("limit");
        if (value == null) return byDefault;
        try {
            int limit = Integer.parseInt(value);
            return limit >= 1 && limit <= 100 ? limit : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private MockResponse invalidLimit() {
        ObjectNode body = mapper.createObjectNode();
        body.put("code", 50035);
        body.putObject("errors").putObject("limit").putArray("_errors").addObject()
                .put("code", "NUMBER_TYPE_MAX").put("message", "int value should be less than or equal to 100.");
        body.put("message", "Invalid Form Body");
        return json(400, body);
    }

    MockResponse json(int status, JsonNode body) {
        try {
            return new MockResponse().setResponseCode(status)
                    .setHeader("Content-Type", "application/json")
                    .setBody(mapper.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long parse(String id) {
        try {
            return Long.parseUnsignedLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }

    private record Scripted(String pathPart, MockResponse response, boolean raw) {}

    private record Faults(double rate, java.util.Random random, long slowMillis) {}

    private static final class Hang {
        final String pathPart;
        final AtomicInteger left;
        final boolean andLater;

        Hang(String pathPart, int nth, boolean andLater) {
            this.pathPart = pathPart;
            this.left = new AtomicInteger(nth);
            this.andLater = andLater;
        }
    }
}
