package io.inkwell.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A connection's page starts at any offset (a client may change {@code first} between pages); Spring Data reads
 * its offset, size and sort, and the page arithmetic it offers must stay consistent with that offset.
 */
class OffsetPageableTest {

    private static final Sort NEWEST = Sort.by(Sort.Direction.DESC, "createdAt");

    @Test
    void isReadAsItsOffsetSizeAndSort() {
        Pageable page = new OffsetPageable(7, 5, NEWEST);

        assertThat(page.getOffset()).isEqualTo(7);
        assertThat(page.getPageSize()).isEqualTo(5);
        assertThat(page.getSort()).isEqualTo(NEWEST);
        assertThat(page.getPageNumber()).as("the page that holds the offset").isEqualTo(1);
        assertThat(new OffsetPageable(15, 5, NEWEST).getPageNumber()).isEqualTo(3);
    }

    @Test
    void continuesRightAfterItselfKeepingSizeAndSort() {
        assertThat(new OffsetPageable(7, 5, NEWEST).next()).isEqualTo(new OffsetPageable(12, 5, NEWEST));
    }

    @Test
    void goesBackBySizeButNotBeforeTheStart() {
        assertThat(new OffsetPageable(12, 5, NEWEST).previousOrFirst()).isEqualTo(new OffsetPageable(7, 5, NEWEST));
        assertThat(new OffsetPageable(3, 5, NEWEST).previousOrFirst()).isEqualTo(new OffsetPageable(0, 5, NEWEST));
        assertThat(new OffsetPageable(0, 5, NEWEST).previousOrFirst()).isEqualTo(new OffsetPageable(0, 5, NEWEST));
    }

    @Test
    void hasAPreviousPageOnlyAfterTheStart() {
        assertThat(new OffsetPageable(0, 5, NEWEST).hasPrevious()).isFalse();
        assertThat(new OffsetPageable(1, 5, NEWEST).hasPrevious()).isTrue();
    }

    @Test
    void startsAtTheBeginningOrAtAWholePage() {
        assertThat(new OffsetPageable(7, 5, NEWEST).first()).isEqualTo(new OffsetPageable(0, 5, NEWEST));
        assertThat(new OffsetPageable(7, 5, NEWEST).withPage(3)).isEqualTo(new OffsetPageable(15, 5, NEWEST));
        assertThat(new OffsetPageable(0, 100, NEWEST).withPage(30_000_000).getOffset())
                .as("no int overflow").isEqualTo(3_000_000_000L);
    }
}
