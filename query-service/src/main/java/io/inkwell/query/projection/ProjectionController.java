package io.inkwell.query.projection;

import io.inkwell.query.web.NotFoundException;
import io.inkwell.support.security.TokenIdentity;
import io.inkwell.support.web.Problem;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The projections' state and lag, and rebuilds beside the live read models (role admin). */
@RestController
@RequestMapping(path = "/api/v1/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectionController {

    private static final Logger log = LoggerFactory.getLogger(ProjectionController.class);
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);

    private final ProjectionStatus status;
    private final Rebuilds rebuilds;
    private final ProjectionSegments segments;

    ProjectionController(ProjectionStatus status, Rebuilds rebuilds, ProjectionSegments segments) {
        this.status = status;
        this.rebuilds = rebuilds;
        this.segments = segments;
    }

    record Segments(String name, List<Integer> segments) {
    }

    record Projections(List<ProjectionView> data) {
    }

    @GetMapping
    Projections list() {
        return new Projections(status.all());
    }

    @GetMapping("/{name}")
    ProjectionView get(@PathVariable String name) {
        return status.of(name).orElseThrow(() -> new NotFoundException("No projection " + name));
    }

    /** 202 with the projection's address, where the rebuild's progress shows; 409 while one runs. */
    @PostMapping("/{name}/rebuild")
    ResponseEntity<?> rebuild(@PathVariable String name) {
        try {
            RebuildRun run = rebuilds.start(name);
            log.info("Rebuild of {} into generation {} started by {}", name, run.generation().number(), caller());
            return ResponseEntity.accepted().location(URI.create("/api/v1/admin/projections/" + name))
                    .body(status.of(name).orElse(null));
        } catch (ReadModelGenerations.RebuildInProgressException e) {
            return Problem.REBUILD_IN_PROGRESS.response(e.getMessage() + "; cancel it first (DELETE) to start another");
        }
    }

    /**
     * Cancels the rebuild and keeps the live model: 204 once cancelled here, 202 when another instance runs it
     * and will cancel it within seconds; 404 when no rebuild runs.
     */
    @DeleteMapping("/{name}/rebuild")
    ResponseEntity<Void> cancel(@PathVariable String name) throws InterruptedException {
        Rebuilds.Cancelled cancelled = rebuilds.cancel(name, CANCEL_WAIT);
        if (cancelled == Rebuilds.Cancelled.NONE) {
            throw new NotFoundException("No rebuild of " + name + " is running");
        }
        log.warn("Rebuild of {} cancelled by {}", name, caller());
        return cancelled == Rebuilds.Cancelled.HERE ? ResponseEntity.noContent().build() : ResponseEntity.accepted().build();
    }

    /** Splits a segment in two, while the processor runs: 200 with the segments after; 409 when held elsewhere. */
    @PostMapping("/{name}/segments/{segment}/split")
    ResponseEntity<?> split(@PathVariable String name, @PathVariable int segment) throws InterruptedException {
        return changeSegments(name, segment, "split", () -> segments.split(name, segment));
    }

    /** Merges a segment with its sibling (the one it was split from): 200 with the segments after. */
    @PostMapping("/{name}/segments/{segment}/merge")
    ResponseEntity<?> merge(@PathVariable String name, @PathVariable int segment) throws InterruptedException {
        return changeSegments(name, segment, "merge", () -> segments.merge(name, segment));
    }

    private interface SegmentChange {
        List<Integer> apply() throws InterruptedException;
    }

    private ResponseEntity<?> changeSegments(String name, int segment, String what, SegmentChange change)
            throws InterruptedException {
        try {
            List<Integer> after = change.apply();
            log.warn("Segment {} of {}: {} by {}; segments now {}", segment, name, what, caller(), after);
            return ResponseEntity.ok(new Segments(name, after));
        } catch (ProjectionSegments.SegmentUnavailableException e) {
            return Problem.SEGMENT_UNAVAILABLE.response(e.getMessage());
        } catch (ProjectionSegments.RebuildRunningException e) {
            return Problem.REBUILD_IN_PROGRESS.response(e.getMessage());
        }
    }

    private static String caller() {
        return TokenIdentity.current().map(identity -> identity.issuer() + " " + identity.subject()).orElse("?");
    }
}
