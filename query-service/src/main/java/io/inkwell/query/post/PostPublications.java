package io.inkwell.query.post;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The ids of posts as they are published, for the {@code postPublished} subscription. Told by the live posts
 * projection, and announced only after its transaction commits, so that a subscriber that reads the post then
 * finds it published. Subscribers that are slow miss announcements rather than hold the projection up.
 */
@Component
class PostPublications {

    private static final int BUFFER = 256;

    private final Sinks.Many<String> published = Sinks.many().multicast().directBestEffort();

    /** Announces the post once the current unit of work commits (at once outside of one). */
    void announce(String postId) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> emit(postId));
        } else {
            emit(postId);
        }
    }

    /** Each listener has a buffer of its own: the sink drops what a listener without demand cannot take. */
    Flux<String> ids() {
        return published.asFlux().onBackpressureBuffer(BUFFER, BufferOverflowStrategy.DROP_OLDEST);
    }

    // The projection's segments commit on threads of their own; a sink takes one emission at a time.
    private synchronized void emit(String postId) {
        published.tryEmitNext(postId);
    }
}
