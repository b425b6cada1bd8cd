package dev.discard.export.warc;

import java.io.BufferedOutputStream;
import java.io.IOException;
import dev.discard.format.OutputFiles;
import java.nio.file.Path;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcWriter;

/** A {@code .warc.gz} being written: jwarc serialises each record, {@link GzipMemberChannel} makes it a gzip member. */
final class WarcFile implements AutoCloseable {
    private static final int BUFFER = 256 * 1024;

    private final GzipMemberChannel gzip;
    private final WarcWriter writer;
    private long records;

    /** Creates {@code path}, which must not exist, through {@code files}. */
    WarcFile(Path path, OutputFiles files) throws IOException {
        gzip = new GzipMemberChannel(new BufferedOutputStream(files.create(path), BUFFER));
        writer = new WarcWriter(gzip, WarcCompression.NONE);
    }

    /** Writes the record as one gzip member and closes its body. */
    void write(WarcRecord record) throws IOException {
        try {
            writer.write(record);
            gzip.endMember();
            records++;
        } finally {
            record.body().close();
        }
    }

    long records() {
        return records;
    }

    @Override
    public void close() throws IOException {
        writer.close();
        gzip.close();
    }
}
