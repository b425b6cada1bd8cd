package dev.discard.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the console shows of the library's log: WARN and up as logback.xml says, DEBUG and up with {@code -v}, ERROR
 * only with {@code -q}. It moves the threshold of logback.xml's {@code STDERR} appender for the length of a command;
 * each run's run.log keeps DEBUG whatever the console shows. Process-wide, as the console is.
 */
final class ConsoleLog implements AutoCloseable {
    static final String APPENDER = "STDERR";
    /** logback.xml's threshold, restored at the end of a command. */
    static final String DEFAULT = "WARN";

    private final ThresholdFilter filter;

    private ConsoleLog(ThresholdFilter filter) {
        this.filter = filter;
    }

    /** Sets the console's threshold for a command; {@link #close} puts logback.xml's back. */
    static ConsoleLog open(boolean verbose, boolean quiet) {
        ThresholdFilter filter = filter();
        if (filter != null) filter.setLevel(quiet ? "ERROR" : verbose ? "DEBUG" : DEFAULT);
        return new ConsoleLog(filter);
    }

    @Override
    public void close() {
        if (filter != null) filter.setLevel(DEFAULT);
    }

    /** The STDERR appender's threshold filter, or null when the backend or its configuration is another. */
    private static ThresholdFilter filter() {
        try {
            if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return null;
            Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
            if (appender == null) return null;
            for (Filter<ILoggingEvent> filter : appender.getCopyOfAttachedFiltersList()) {
                if (filter instanceof ThresholdFilter threshold) return threshold;
            }
        } catch (LinkageError noLogback) {
            // Another SLF4J backend: its own configuration decides.
        }
        return null;
    }
}
