package dev.discard.cli;

import dev.discard.discord.Token;
import dev.discard.format.ClientInfo;
import dev.discard.format.Json;
import dev.discard.format.MetaFileException;
import dev.discard.pictures.ExtractSummary;
import dev.discard.pictures.MediaException;
import dev.discard.pictures.MediaJob;
import dev.discard.pictures.MediaSettings;
import dev.discard.read.RunInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code discard media}: DiscordPicExtract's job. Downloads every image of a channel in a time window into a folder,
 * named by date and time; asks for what is missing when a person is at the terminal, as DiscordPicExtract does.
 */
@Command(name = "media", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Download the images of a channel within a time window, as DiscordPicExtract does.",
            "Every image from attachments, embeds and links, at full resolution, saved as "
                    + "YYYY-MM-DD_HH-MM-SS_<name>.<ext> (UTC); files that exist are skipped. The token comes from -t, "
                    + "DISCORD_TOKEN, or a .env file in the working directory (DISCORD_TOKEN=... or "
                    + "DISCORD_USER_TOKEN=...). On a terminal, what is missing is asked for."},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  done (also when there was nothing new)",
            "  1  failed (token refused, channel not found, output folder not writable)",
            "  2  usage error (bad option; no token or channel and no terminal to ask)",
            "  3  done, but some images could not be downloaded (listed on stderr)",
            "  130/143  interrupted by Ctrl-C / SIGTERM; every file in the folder is complete"
        })
final class MediaCommand implements Callable<Integer> {
    static final String USER_TOKEN_ENV = "DISCORD_USER_TOKEN";
    @Mixin ConnectionOptions connectionOptions;

    @Parameters(arity = "0..1", paramLabel = "CHANNEL",
            description = "The channel: its id, or its name with --guild.")
    String channel;

    @Option(order = 22, names = {"-g", "--guild"}, paramLabel = "GUILD",
            description = "The guild (server) of a channel given by name: its name or id.")
    String guild;

    @Option(order = 24, names = "--days", paramLabel = "N",
            description = "Days to look back (default: 14; with --from-archive: the whole archive).")
    Integer days;

    @Option(order = 54, names = {"-o", "--output-dir"}, paramLabel = "FOLDER",
            description = "Output folder (default: the channel's name, made safe).")
    Path output;

    @Option(order = 56, names = "--from-archive", paramLabel = "RUN_DIR",
            description = "Read the messages from this archive run directory instead of Discord; only the downloads "
                    + "go out, and expired links are renewed through the API the run recorded (or --api-url).")
    Path fromArchive;

    @Option(order = 58, names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "Retries of a failed download or request, with backoff (default: ${DEFAULT-VALUE}).")
    int retries;

    @ParentCommand DiscardCommand parent;

    @Override
    public Integer call() {
        DiscardCommand root = parent;
        SharedOptions options = root.options(connectionOptions, null);
        Console console = root.console;
        MediaSettings settings = settings(root, options, new MediaPrompts(console, root.terminal));
        try (MediaProgress progress = MediaProgress.of(console, root.terminal)) {
            MediaJob job = root.mediaFactory.apply(settings).listener(progress).mapper(Json.newMapper())
                    .client(ClientInfo.URL, ClientInfo.VERSION).build();
            try (ShutdownGuard guard = ShutdownGuard.install(job::interrupt)) {
                ExtractSummary summary = job.run();
                progress.close();
                report(console, summary);
                return summary.failed() > 0 ? ExitCode.PARTIAL : ExitCode.OK;
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            } catch (MediaException e) {
                progress.close();
                console.error(e.getMessage());
                return ExitCode.FAILED;
            } catch (IOException e) {
                progress.close();
                console.error(FailureHandler.describe(e));
                return ExitCode.FAILED;
            } catch (InterruptedException e) {
                progress.close();
                console.error("interrupted; files downloaded until then are complete");
                return ExitCode.INTERRUPTED;
            }
        }
    }

    /** The settings from the options, the environment, {@code .env}, and, on a terminal, the user's answers. */
    private MediaSettings settings(DiscardCommand root, SharedOptions options, MediaPrompts prompts) {
        Console console = root.console;
        boolean userAccount = options.userAccount();
        String token = options.token() != null ? options.token() : console.env.apply(RunLauncher.TOKEN_ENV);
        if (blank(token) && !blank(console.env.apply(USER_TOKEN_ENV))) {
            token = console.env.apply(USER_TOKEN_ENV);
            userAccount = true;
        }
        if (blank(token)) {
            Map<String, String> dotEnv = readDotEnv(root.terminal.workingDir().resolve(".env"));
            token = dotEnv.get(RunLauncher.TOKEN_ENV);
            if (blank(token) && !blank(dotEnv.get(USER_TOKEN_ENV))) {
                token = dotEnv.get(USER_TOKEN_ENV);
                userAccount = true;
            }
        }
        boolean session = channel == null && fromArchive == null && prompts.interactive();
        if (blank(token) && fromArchive == null) {
            token = prompts.secret("Enter your Discord token: ", "no token: pass -t, set " + RunLauncher.TOKEN_ENV
                    + ", or put " + RunLauncher.TOKEN_ENV + "=... in .env");
        }
        console.configure(options, token);
        String channelArg = channel;
        if (channelArg == null && fromArchive == null) {
            channelArg = prompts.line("Enter channel ID or name: ",
                    "no channel: give a channel id, or --guild and a channel name");
        }
        String guildArg = guild;
        if (guildArg == null && fromArchive == null && !isId(channelArg)) {
            guildArg = prompts.line("Enter guild/server name: ",
                    "'" + channelArg + "' is a channel name: pass --guild too, or the channel id");
        }
        Integer daysArg = days;
        if (session && days == null && options.after() == null && options.before() == null) {
            daysArg = prompts.days("Enter number of days to look back (default: " + MediaSettings.DEFAULT_DAYS
                    + "): ", MediaSettings.DEFAULT_DAYS);
        }
        Path output = this.output != null ? this.output : options.outputDir();
        if (session && output == null) {
            String answer = prompts.optional("Enter output directory (press Enter for default: "
                    + (isId(channelArg) ? "the channel's name" : channelArg.replaceFirst("^#", "")) + "): ");
            if (answer != null) output = Path.of(answer);
        }
        try {
            return new MediaSettings(blank(token) ? null : new Token(token, userAccount), apiUrl(options), channelArg,
                    guildArg, daysArg, options.after(), options.before(), output, fromArchive, retries,
                    root.terminal.workingDir());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void report(Console console, ExtractSummary s) {
        console.out.println("Downloaded " + s.downloaded() + (s.downloaded() == 1 ? " image" : " images") + " ("
                + MediaProgress.bytes(s.bytes()) + "), skipped " + s.skipped() + " already there, " + s.failed()
                + (s.failed() == 1 ? " error" : " errors"));
        console.out.println("From " + s.messages() + (s.messages() == 1 ? " message" : " messages") + " of "
                + (s.channelName() != null ? "#" + s.channelName() : "channel " + s.channelId()) + ", into "
                + s.outputDir());
    }

    private static Map<String, String> readDotEnv(Path file) {
        try {
            return DotEnv.read(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** --api-url; else the server an archive's run talked to, so its expired links are renewed where they came from. */
    private String apiUrl(SharedOptions options) {
        if (options.apiUrl() != null) return options.apiUrl();
        if (fromArchive != null) {
            try {
                String recorded = RunInfo.read(fromArchive, Json.newMapper()).apiUrl();
                if (recorded != null) return recorded;
            } catch (MetaFileException e) {
                // Not a run directory we can read: MediaJob says so in its own words.
            }
        }
        return dev.discard.archive.ArchiveSettings.DEFAULT_API_URL;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static boolean isId(String s) {
        return s != null && !s.isEmpty() && s.strip().chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
