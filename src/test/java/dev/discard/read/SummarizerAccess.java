package dev.discard.read;

import java.nio.file.Path;

/** Lets tests in other packages write the runs of {@link SummarizerTest}. */
public final class SummarizerAccess {
    public static final String CHANNEL = SummarizerTest.CHANNEL;

    /** A Java run with one message at noon of each given day. */
    public static Path javaRun(Path out, String name, String start, String after, String before, boolean completed,
            String... days) throws Exception {
        long[] ids = new long[days.length];
        for (int i = 0; i < days.length; i++) ids[i] = SummarizerTest.at(days[i]);
        return SummarizerTest.javaRun(out, name, start, after, before, completed, ids);
    }

    private SummarizerAccess() {}
}
