package io.inkwell.query.projection;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.stereotype.Component;

/**
 * Hands dead letters back to their projection through Axon's dead-letter processor, which applies a
 * sequence from its first letter on, in order, and stops at the first that fails again. A letter is only
 * ever retried with the letters before it: the later events of an aggregate must not overtake the earlier.
 */
@Component
class DeadLetterRetries {

    private final EventProcessingConfiguration processing;
    private final DeadLetters letters;

    DeadLetterRetries(EventProcessingConfiguration processing, DeadLetters letters) {
        this.processing = processing;
        this.letters = letters;
    }

    /** Retries the sequence that holds this letter; what is left of that sequence afterwards. */
    long retrySequenceOf(DeadLetterView letter) {
        processor(letter.processingGroup()).process(head -> letter.sequenceIdentifier().equals(sequenceOf(head)));
        return letters.sequenceSize(letter.processingGroup(), letter.sequenceIdentifier());
    }

    /** Retries every sequence of a group once; how many sequences were tried. */
    int retryGroup(String group) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(group);
        Set<String> tried = new HashSet<>();
        int before;
        do {
            before = tried.size();
            // A sequence that fails again becomes claimable again at once: try each one once only.
            processor.process(head -> Optional.ofNullable(sequenceOf(head)).map(tried::add).orElse(false));
        } while (tried.size() > before);
        return tried.size();
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String group) {
        return processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new IllegalStateException("No dead-letter queue for processing group " + group));
    }

    private static String sequenceOf(DeadLetter<?> letter) {
        return letter instanceof JdbcDeadLetter<?> stored ? stored.getSequenceIdentifier() : null;
    }
}
