package io.inkwell.query.history;

import io.inkwell.query.security.Viewer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the stream to the response as it reads it, one JSON document per line; nothing is collected, so an
 * export of any length runs in constant memory. Once the first byte is out, the status can no longer change:
 * a failure then ends the stream with a last line that says so and where to resume, and is logged.
 */
@Component
class EventExport {

    private static final Logger log = LoggerFactory.getLogger(EventExport.class);
    private static final byte[] NEWLINE = {'\n'};

    /** The two shapes of a line: the history API's event, or a CloudEvents 1.0 structured event. */
    enum Format { NDJSON, CLOUDEVENTS }

    private final EventReader reader;
    private final HistoryEvents views;
    private final DeletedUsers deletedUsers;

    EventExport(EventReader reader, HistoryEvents views, DeletedUsers deletedUsers) {
        this.reader = reader;
        this.views = views;
        this.deletedUsers = deletedUsers;
    }

    /** @return how many events were written */
    long write(OutputStream out, Format format, TrackingToken start, EventFilter filter, Viewer viewer) throws IOException {
        Predicate<String> deleted = deletedUsers.lookup();
        TrackingToken[] last = {start};
        long[] written = {0};
        try {
            reader.scan(start, filter, event -> {
                if (filter.matches(event)) {
                    writeLine(out, line(event, format, viewer, deleted));
                    written[0]++;
                }
                last[0] = event.trackingToken();
                return true;
            });
            return written[0];
        } catch (UncheckedIOException clientGone) {
            log.info("Export stopped after {} events: the client went away ({})", written[0], clientGone.getCause().toString());
            return written[0];
        } catch (RuntimeException e) {
            String resume = last[0] == null ? null : EventCursor.of(last[0]);
            log.error("Export failed after {} events; it can resume with after={}", written[0], resume, e);
            Map<String, Object> interrupted = new LinkedHashMap<>();
            interrupted.put("detail", "The export failed here; resume it with the parameter 'after'");
            interrupted.put("after", resume);
            interrupted.put("exported", written[0]);
            try {
                writeLine(out, views.bytes(Map.of("interrupted", interrupted)));
            } catch (UncheckedIOException clientGone) {
                log.info("The client went away before it learnt that the export failed");
            }
            return written[0];
        }
    }

    private byte[] line(TrackedEventMessage<?> event, Format format, Viewer viewer, Predicate<String> deleted) {
        HistoryEvent view = views.view(event, viewer, deleted);
        return switch (format) {
            case NDJSON -> views.bytes(view);
            case CLOUDEVENTS -> CloudEventLines.line(view, views.bytes(view.payload()));
        };
    }

    private static void writeLine(OutputStream out, byte[] line) {
        try {
            out.write(line);
            out.write(NEWLINE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
