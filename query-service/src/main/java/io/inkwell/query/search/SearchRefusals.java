package io.inkwell.query.search;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.inkwell.query.projection.RebuildDeadLetters;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A document Elasticsearch refuses with a client error (a term too long for the index, say) would be refused
 * again on every retry, stalling every post of the segment: its event is parked in the post-search
 * dead-letter queue instead, in the batch's transaction, to be retried once the cause is fixed. Overload
 * (429) and server errors are outages: the batch is retried.
 * <p>
 * A rebuild meets the same refusals again and parks them in its own queue, which replaces the live one at
 * the switch: the rebuilt index lacks those documents, and their letters say so. A retry of a parked letter
 * writes through the alias into whichever index is live then.
 */
@Component
class SearchRefusals {

    private static final Logger log = LoggerFactory.getLogger(SearchRefusals.class);

    // Resolved late: the processors' configuration is built after this component.
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final RebuildDeadLetters rebuilds;

    SearchRefusals(ObjectProvider<EventProcessingConfiguration> processing, RebuildDeadLetters rebuilds) {
        this.processing = processing;
        this.rebuilds = rebuilds;
    }

    boolean parkedForGood(BulkResponseItem item, EventMessage<?> event) {
        if (!forGood(item, event)) {
            return false;
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.getObject()
                .deadLetterQueue(PostSearchProjection.NAME).orElse(null);
        return queue != null && park(queue, item, event);
    }

    boolean parkedInRebuild(BulkResponseItem item, EventMessage<?> event) {
        return forGood(item, event) && park(rebuilds.of(PostSearchProjection.NAME), item, event);
    }

    private static boolean park(SequencedDeadLetterQueue<EventMessage<?>> queue, BulkResponseItem item,
                                EventMessage<?> event) {
        String reason = abbreviated("Elasticsearch refused the document of post " + item.id() + " in " + item.index()
                + ": " + item.error().type() + ": " + item.error().reason());
        log.warn("{}; its event {} is parked", reason, event.getIdentifier());
        queue.enqueue(item.id(), new GenericDeadLetter<>(item.id(), event,
                ThrowableCause.truncated(new IllegalArgumentException(reason))));
        return true;
    }

    private static boolean forGood(BulkResponseItem item, EventMessage<?> event) {
        return event != null && item.status() >= 400 && item.status() < 500 && item.status() != 429;
    }

    /** Elasticsearch quotes the refused value, which may be long: the start says what went wrong. */
    static String abbreviated(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 500) + "...";
    }
}
