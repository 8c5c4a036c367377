package io.inkwell.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.inkwell.query.security.CurrentViewer;
import io.inkwell.query.security.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "History", description = "The complete event history, for analysts and for owners of their own")
@RequestMapping("/api/v1/events")
class EventController {

    static final String NDJSON = "application/x-ndjson";

    /** A page of the global stream; {@code next} is absent once the stream has nothing more. */
    record EventPage(List<HistoryEvent> data, @JsonInclude(JsonInclude.Include.NON_NULL) String next) {
    }

    private final EventReader reader;
    private final EventExport export;
    private final HistoryEvents views;
    private final DeletedUsers deletedUsers;
    private final CurrentViewer viewers;

    EventController(EventReader reader, EventExport export, HistoryEvents views, DeletedUsers deletedUsers,
                    CurrentViewer viewers) {
        this.reader = reader;
        this.export = export;
        this.views = views;
        this.deletedUsers = deletedUsers;
        this.viewers = viewers;
    }

    @GetMapping
    @Operation(summary = "The global event stream in commit order",
            description = "Paged by the opaque cursor 'next'. One request examines at most 10,000 events: a narrow"
                    + " filter may answer fewer than 'limit' events (even none) with a 'next' to go on from there.")
    EventPage events(@RequestParam(required = false) @Size(max = EventCursor.MAX_LENGTH)
                     @Parameter(description = "'next' of the previous page, or an event's position") String after,
                     @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                     @RequestParam(required = false) @Size(max = 255) String aggregateId,
                     @RequestParam(required = false) @Parameter(schema = @Schema(allowableValues = {"Post", "User"}))
                     String aggregateType,
                     @RequestParam(required = false) @Size(max = 20)
                     @Parameter(description = "event types, e.g. PostEditedEvent (repeat, or separate with commas)")
                     List<String> type,
                     @RequestParam(required = false) Instant from,
                     @RequestParam(required = false) Instant to,
                     @RequestParam(required = false) @Size(max = 255)
                     @Parameter(description = "profile id or token subject of whoever caused the event") String actor) {
        EventFilter filter = EventFilter.of(aggregateId, aggregateType, type, from, to, actor);
        EventReader.Page page = reader.page(reader.start(after, from), filter, limit);
        Viewer viewer = viewers.get();
        Predicate<String> deleted = deletedUsers.lookup();
        return new EventPage(page.events().stream().map(event -> views.view(event, viewer, deleted)).toList(),
                page.next() == null ? null : EventCursor.of(page.next()));
    }

    @GetMapping("/export")
    @Operation(summary = "The event stream, streamed: one JSON document per line",
            description = "ndjson: each line an event as in /events. cloudevents: each line a CloudEvents 1.0"
                    + " structured JSON event (type io.inkwell.<event>.v<revision>, source /inkwell/<type>/<id>,"
                    + " extensions inkwellposition, inkwellversion, inkwellactorissuer, inkwellactorsubject,"
                    + " inkwellactorprofileid, inkwellcorrelationid, inkwellrequestid). Resume with after=<the"
                    + " position of the last line kept>. A failure after the first line ends the stream with the"
                    + " line {\"interrupted\": {\"detail\", \"after\", \"exported\"}}.",
            responses = @ApiResponse(responseCode = "200", description = "the events, one per line",
                    content = @Content(mediaType = NDJSON)))
    void export(@RequestParam(defaultValue = "ndjson")
                @Parameter(schema = @Schema(type = "string", allowableValues = {"ndjson", "cloudevents"}))
                EventExport.Format format,
                @RequestParam(required = false) @Size(max = EventCursor.MAX_LENGTH)
                @Parameter(description = "a cursor, or the position of the last event already exported") String after,
                @RequestParam(required = false) @Size(max = 255) String aggregateId,
                @RequestParam(required = false) @Parameter(schema = @Schema(allowableValues = {"Post", "User"}))
                String aggregateType,
                @RequestParam(required = false) @Size(max = 20) List<String> type,
                @RequestParam(required = false) Instant from,
                @RequestParam(required = false) Instant to,
                @RequestParam(required = false) @Size(max = 255) String actor,
                HttpServletResponse response) throws IOException {
        EventFilter filter = EventFilter.of(aggregateId, aggregateType, type, from, to, actor);
        TrackingToken start = reader.start(after, from);
        Viewer viewer = viewers.get();
        response.setContentType(NDJSON);
        response.setHeader("Cache-Control", "no-store");
        // Written on this request's own (virtual) thread, not asynchronously: no async timeout can cut it.
        export.write(response.getOutputStream(), format, start, filter, viewer);
    }
}
