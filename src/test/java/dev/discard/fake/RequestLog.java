package dev.discard.fake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.RecordedRequest;

/** The requests a fake server received, in order, for tests to assert on. Thread-safe. */
final class RequestLog {
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    void add(RecordedRequest request) {
        requests.add(request);
    }

    List<RecordedRequest> all() {
        return Collections.unmodifiableList(requests);
    }

    /** Paths (without query), in order. */
    List<String> paths() {
        List<String> paths = new ArrayList<>();
        for (RecordedRequest r : requests) paths.add(r.getRequestUrl().encodedPath());
        return paths;
    }
}
