package io.inkwell.query.search;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

/**
 * Feeds events to event handlers the way a streaming processor does: in batches, each in one batching unit
 * of work that commits (and so writes to Elasticsearch) when all of its events are handled.
 */
final class Replay {

    private Replay() {
    }

    static void inBatches(Iterable<? extends EventMessage<?>> events, List<Object> handlers, int batchSize) {
        List<AnnotationEventHandlerAdapter> adapters = handlers.stream().map(AnnotationEventHandlerAdapter::new).toList();
        List<EventMessage<?>> batch = new ArrayList<>(batchSize);
        for (EventMessage<?> event : events) {
            batch.add(event);
            if (batch.size() == batchSize) {
                handle(batch, adapters);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            handle(batch, adapters);
        }
    }

    private static void handle(List<EventMessage<?>> batch, List<AnnotationEventHandlerAdapter> adapters) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(batch));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            for (AnnotationEventHandlerAdapter adapter : adapters) {
                if (adapter.canHandle(unitOfWork.getMessage())) {
                    adapter.handle(unitOfWork.getMessage());
                }
            }
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("The batch failed", result.exceptionResult());
        }
    }
}
