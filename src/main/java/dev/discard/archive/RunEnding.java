package dev.discard.archive;

import dev.discard.discord.DiscordApiException;
import dev.discard.discord.Token;
import dev.discard.media.MediaArchiver;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The end of a run, however it ended: the media manifest finished, and a failure told in one line. */
final class RunEnding {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveRun.class);

    private RunEnding() {}

    /** Finishes {@code media.jsonl} and tells the meta what the downloads gave; a manifest that fails is a warning. */
    static void closeMedia(MediaArchiver media, RunMeta meta) {
        try {
            media.close();
        } catch (IOException e) {
            meta.warning("cannot finish " + MediaArchiver.MANIFEST + ": " + e.getMessage());
        }
        MediaArchiver.Summary summary = media.summary();
        meta.media(summary);
        if (summary.failed() > 0) {
            String warning = summary.failed() + " media " + (summary.failed() == 1 ? "file" : "files")
                    + " could not be downloaded; " + MediaArchiver.MANIFEST + " says which and why";
            LOG.warn(warning);
            meta.warning(warning);
        }
    }

    /** One line saying what went wrong and what to do. */
    static String message(Exception e, Token token) {
        if (e instanceof DiscordApiException api && api.tokenRefused()) {
            return DiscordApiException.tokenRefusedAdvice(token.userAccount());
        }
        String message = e.getMessage();
        return message != null ? message : e.getClass().getSimpleName();
    }

    /** The stack trace as the meta file's {@code traceback} keeps it. */
    static String trace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
