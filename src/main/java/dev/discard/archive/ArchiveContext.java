package dev.discard.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.discard.discord.DiscordRest;
import dev.discard.media.MediaArchiver;
import java.io.IOException;

/** What every archiver of one run shares: the client, the run directory, the range, the totals, the listener. */
final class ArchiveContext {
    final DiscordRest rest;
    final ObjectMapper mapper;
    final RunLayout layout;
    final RecordEncoder encoder;
    final MetaWriter metaWriter;
    final RunCounters counters;
    final Range range;
    final ArchiveListener listener;
    /** Downloads the media of what is archived; null unless {@code --media}. */
    final MediaArchiver media;

    ArchiveContext(DiscordRest rest, ObjectMapper mapper, RunLayout layout, RecordEncoder encoder,
            MetaWriter metaWriter, RunCounters counters, Range range, ArchiveListener listener) {
        this(rest, mapper, layout, encoder, metaWriter, counters, range, listener, null);
    }

    ArchiveContext(DiscordRest rest, ObjectMapper mapper, RunLayout layout, RecordEncoder encoder,
            MetaWriter metaWriter, RunCounters counters, Range range, ArchiveListener listener, MediaArchiver media) {
        this.rest = rest;
        this.mapper = mapper;
        this.layout = layout;
        this.encoder = encoder;
        this.metaWriter = metaWriter;
        this.counters = counters;
        this.range = range;
        this.listener = listener;
        this.media = media;
    }

    /** Creates the log {@code <stem>.jsonl[.gz]}; it must not exist. */
    ExchangeLog openLog(String stem) throws IOException {
        return ExchangeLog.create(layout.logFile(stem), encoder, counters);
    }
}
