package dev.discard.archive;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import dev.discard.format.Scrubber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code run.log} in the run directory: the run's own log lines, as the {@code dev.discard} loggers let them through
 * (DEBUG and up with discard's logback.xml), with the token scrubbed, so a run from cron can be diagnosed afterwards.
 *
 * <p>Several runs may share one JVM (a library user, the tests), and Logback's appenders are shared by all threads. A
 * run therefore marks its thread with the MDC key {@value #MDC_KEY} (its run directory), and its appender keeps only
 * events carrying that mark. The threads that work for the run take the mark along ({@code LogContext}: the channel
 * pool, the gateway's scheduler and websocket callbacks); lines logged by any other thread go to no run.log. Routing
 * by MDC rather than by thread name keeps this true whatever threads a run uses. Resumed runs append to the file.
 *
 * <p>Needs Logback as the SLF4J backend; with any other, there is no run.log. Run thread only.
 */
final class RunLog implements AutoCloseable {
    static final String MDC_KEY = "discard.run";
    static final String FILE_NAME = "run.log";
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level [%thread] %logger{0}: %msg%n";
    private static final RunLog NONE = new RunLog(null, null, null);

    private final Logger root;
    private final FileAppender<ILoggingEvent> appender;
    /** What the MDC held under the key before this run marked the thread; usually null. */
    private final String previousMark;

    private RunLog(Logger root, FileAppender<ILoggingEvent> appender, String previousMark) {
        this.root = root;
        this.appender = appender;
        this.previousMark = previousMark;
    }

    /**
     * Starts {@code <runDir>/run.log} and marks the calling thread as this run's.
     *
     * @param scrubber removes the token from every line, messages and stack traces alike
     */
    static RunLog attach(Path runDir, Scrubber scrubber) {
        LoggerContext context;
        try {
            if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext logback)) return NONE;
            context = logback;
        } catch (LinkageError noLogback) {
            return NONE;
        }
        String mark = runDir.toAbsolutePath().normalize().toString();
        ScrubbingEncoder encoder = new ScrubbingEncoder(scrubber);
        encoder.setContext(context);
        encoder.start();
        RunFilter filter = new RunFilter(mark);
        filter.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(FILE_NAME + " of " + mark);
        appender.setFile(runDir.resolve(FILE_NAME).toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.addFilter(filter);
        appender.start();
        if (!appender.isStarted()) return NONE;
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, mark);
        return new RunLog(root, appender, previous);
    }

    /** Removes the thread's mark, detaches the appender and closes the file. */
    @Override
    public void close() {
        if (appender == null) return;
        if (previousMark == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, previousMark);
        }
        root.detachAppender(appender);
        appender.stop();
    }

    /** Keeps the events logged by the run's threads. */
    private static final class RunFilter extends Filter<ILoggingEvent> {
        private final String mark;

        RunFilter(String mark) {
            this.mark = mark;
        }

        @Override
        public FilterReply decide(ILoggingEvent event) {
            return mark.equals(event.getMDCPropertyMap().get(MDC_KEY)) ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
    }

    /** Lays each event out as one UTF-8 line (stack traces below it), then scrubs the token from all of it. */
    private static final class ScrubbingEncoder extends EncoderBase<ILoggingEvent> {
        private final PatternLayout layout = new PatternLayout();
        private final Scrubber scrubber;

        ScrubbingEncoder(Scrubber scrubber) {
            this.scrubber = scrubber;
        }

        @Override
        public void start() {
            layout.setContext(getContext());
            layout.setPattern(PATTERN);
            layout.start();
            super.start();
        }

        @Override
        public byte[] headerBytes() {
            return null;
        }

        @Override
        public byte[] encode(ILoggingEvent event) {
            return scrubber.scrub(layout.doLayout(event)).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] footerBytes() {
            return null;
        }
    }
}
