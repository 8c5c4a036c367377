package io.inkwell.query.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;

/** The postPublished announcements: after the projection's commit only, and never held up by a slow listener. */
class PostPublicationsTest {

    private final PostPublications publications = new PostPublications();
    private final List<String> heard = new CopyOnWriteArrayList<>();

    @Test
    void announcesAtOnceOutsideAUnitOfWork() {
        Disposable listening = publications.ids().subscribe(heard::add);

        publications.announce("p1");

        assertThat(heard).containsExactly("p1");
        listening.dispose();
    }

    @Test
    void announcesOnlyOnceTheProjectionsUnitOfWorkCommits() {
        Disposable listening = publications.ids().subscribe(heard::add);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);

        publications.announce("p1");
        assertThat(heard).isEmpty();
        unitOfWork.commit();

        assertThat(heard).containsExactly("p1");
        listening.dispose();
    }

    @Test
    void announcesNothingWhenTheProjectionsUnitOfWorkRollsBack() {
        Disposable listening = publications.ids().subscribe(heard::add);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);

        publications.announce("p1");
        unitOfWork.rollback();

        assertThat(heard).isEmpty();
        listening.dispose();
    }

    @Test
    void aListenerThatTakesNothingMissesTheOldestAnnouncementsAndHoldsNobodyUp() {
        Disposable fast = publications.ids().subscribe(heard::add);
        List<String> slowHeard = new CopyOnWriteArrayList<>();
        Slow slow = new Slow(slowHeard);
        publications.ids().subscribe(slow);

        IntStream.range(0, 300).forEach(i -> publications.announce("p" + i));
        assertThat(heard).hasSize(300);
        slow.request(1_000);

        // Its buffer kept the newest 256.
        assertThat(slowHeard).hasSize(256).startsWith("p44").endsWith("p299");
        fast.dispose();
        slow.dispose();
    }

    /** Asks for nothing until told to. */
    private static final class Slow extends BaseSubscriber<String> {

        private final List<String> heard;

        Slow(List<String> heard) {
            this.heard = heard;
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
        }

        @Override
        protected void hookOnNext(String id) {
            heard.add(id);
        }
    }
}
