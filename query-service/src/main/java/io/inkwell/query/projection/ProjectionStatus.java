package io.inkwell.query.projection;

import io.inkwell.query.projection.StreamPositions.SegmentPosition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/** The state of each processing group, its lag, its generation and its rebuild, for the admin API. */
@Component
class ProjectionStatus {

    private final EventProcessingConfiguration processing;
    private final ProjectionGroups groups;
    private final DeadLetterCounts deadLetters;
    private final ProcessorFailures failures;
    private final StreamPositions positions;
    private final ReadModelGenerations generations;
    private final Rebuilds rebuilds;

    ProjectionStatus(EventProcessingConfiguration processing, ProjectionGroups groups, DeadLetterCounts deadLetters,
                     ProcessorFailures failures, StreamPositions positions, ReadModelGenerations generations,
                     Rebuilds rebuilds) {
        this.processing = processing;
        this.groups = groups;
        this.deadLetters = deadLetters;
        this.failures = failures;
        this.positions = positions;
        this.generations = generations;
        this.rebuilds = rebuilds;
    }

    List<ProjectionView> all() {
        long head = positions.head();
        Map<String, Long> letters = deadLetters.byGroup().orElse(null);
        return groups.names().stream().map(name -> of(name, head, letters)).toList();
    }

    Optional<ProjectionView> of(String name) {
        if (!groups.contains(name)) {
            return Optional.empty();
        }
        return Optional.of(of(name, positions.head(), deadLetters.byGroup().orElse(null)));
    }

    private ProjectionView of(String name, long head, Map<String, Long> letters) {
        Instant now = Instant.now();
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(name, StreamingEventProcessor.class);
        List<SegmentPosition> segments = positions.segments(name, processor);
        Optional<Long> position = StreamPositions.position(segments);
        ProjectionView.Lag lag = position.map(at -> {
            long events = Math.max(0, head - at);
            return new ProjectionView.Lag(events, events == 0 ? 0 : positions.lagSeconds(segments, now));
        }).orElse(null);
        Optional<RebuildableReadModel> model = rebuilds.model(name);
        Optional<ReadModelGenerations.Record> record = model.map(found -> generations.of(name, found.definitionVersion()));
        Optional<RebuildRun> run = rebuilds.running(name);
        ProjectionView.Rebuild rebuild = record.flatMap(ReadModelGenerations.Record::rebuilding).map(next -> {
            List<SegmentPosition> rebuilding = run.flatMap(RebuildRun::processor)
                    .map(running -> positions.segments(running.getName(), Optional.of(running))).orElse(List.of());
            return new ProjectionView.Rebuild(next.number(), next.definitionVersion(),
                    run.map(here -> here.phase().name().toLowerCase()).orElse("elsewhere"),
                    record.get().rebuildStartedAt(), StreamPositions.position(rebuilding).orElse(null), views(rebuilding),
                    failures.of(RebuildProcessors.nameOf(name)).map(streak -> Failures.rootOf(streak.last()).toString()).orElse(null));
        }).orElse(null);
        return new ProjectionView(name, state(name, processor, rebuild != null), position.orElse(null), lag,
                letters == null ? null : letters.getOrDefault(name, 0L), views(segments),
                record.map(found -> new ProjectionView.Generation(found.live().number(), found.live().definitionVersion())).orElse(null),
                model.map(RebuildableReadModel::definitionVersion).orElse(null), rebuild,
                run.flatMap(RebuildRun::progress).orElse(null),
                record.flatMap(found -> found.lastFailure().map(cause -> new ProjectionView.Failure(cause, found.lastFailureAt())))
                        .orElse(null));
    }

    private String state(String name, Optional<StreamingEventProcessor> processor, boolean rebuilding) {
        if (rebuilding) {
            return "rebuilding";
        }
        if (processor.isEmpty() || !processor.get().isRunning()) {
            return "paused";
        }
        boolean segmentFails = processor.get().processingStatus().values().stream().anyMatch(status -> status.isErrorState());
        return segmentFails || processor.get().isError() || failures.of(name).isPresent() ? "failing" : "running";
    }

    private static List<ProjectionView.Segment> views(List<SegmentPosition> segments) {
        return segments.stream().map(segment -> new ProjectionView.Segment(segment.id(), segment.position(), segment.caughtUp())).toList();
    }
}
