package io.inkwell.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.query.web.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

class PageArgsTest {

    @Test
    void continuesAfterTheLastNodeOfTheGivenPageWhateverItsSize() {
        Connection<String> page = Connection.of(List.of("a", "b", "c"), 7, 20);
        assertThat(page.pageInfo().hasNextPage()).isTrue();
        PageArgs next = PageArgs.of(4, page.pageInfo().endCursor());
        assertThat(next.offset()).isEqualTo(10);
        assertThat(next.pageable(Sort.unsorted()).getOffset()).isEqualTo(10);
        assertThat(next.first()).isEqualTo(4);
    }

    @Test
    void knowsTheLastPage() {
        assertThat(Connection.of(List.of("a", "b"), 18, 20).pageInfo().hasNextPage()).isFalse();
        assertThat(Connection.<String>of(List.of(), 0, 0).pageInfo().endCursor()).isNull();
    }

    @Test
    void takesTenUnlessToldAndAtMostAHundred() {
        assertThat(PageArgs.of(null, null)).isEqualTo(new PageArgs(10, 0));
        assertThat(PageArgs.of(100, null).first()).isEqualTo(100);
        assertThatThrownBy(() -> PageArgs.of(101, null)).isInstanceOf(InvalidParameterException.class)
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("first");
        assertThatThrownBy(() -> PageArgs.of(0, null)).isInstanceOf(InvalidParameterException.class);
        assertThat(PageArgs.of(1, null).first()).isEqualTo(1);
    }

    @Test
    void readsAsDeepAsRestPagesAndNoDeeper() {
        assertThat(PageArgs.of(5, OffsetCursor.after(9_999_999)).offset()).isEqualTo(10_000_000);
        assertThatThrownBy(() -> PageArgs.of(5, OffsetCursor.after(10_000_000)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("after"));
    }

    @Test
    void readsThePageItDescribes() {
        Sort sort = Sort.by("title");
        Pageable page = PageArgs.of(4, OffsetCursor.after(2)).pageable(sort);
        assertThat(page.getOffset()).isEqualTo(3);
        assertThat(page.getPageSize()).isEqualTo(4);
        assertThat(page.getSort()).isEqualTo(sort);
    }

    @Test
    void refusesCursorsItDidNotMake() {
        for (String forged : List.of("", "%%%", "b2Zmc2V0Oi0x", "b2Zmc2V0OmFiYw", "eyJpZCI6MX0")) {
            assertThatThrownBy(() -> PageArgs.of(5, forged)).as(forged).isInstanceOf(InvalidParameterException.class)
                    .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("after");
        }
    }

    @Test
    void continuesAfterAnyNodeFromTheFirstToTheLastAnIntCanCount() {
        assertThat(OffsetCursor.start(OffsetCursor.after(0))).isEqualTo(1);
        assertThat(OffsetCursor.start(OffsetCursor.after(Integer.MAX_VALUE - 1L))).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> OffsetCursor.start(OffsetCursor.after(Integer.MAX_VALUE)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void turnsASpringDataPageIntoAConnection() {
        Page<Integer> page = new PageImpl<>(List.of(1, 2), PageRequest.of(1, 2), 5);

        Connection<String> connection = Connection.of(page, number -> "#" + number);

        assertThat(connection.edges()).extracting(Connection.Edge::node).containsExactly("#1", "#2");
        assertThat(connection.totalCount()).isEqualTo(5);
        assertThat(connection.pageInfo().hasNextPage()).isTrue();
        assertThat(PageArgs.of(2, connection.pageInfo().endCursor()).offset()).isEqualTo(4);
    }

    @Test
    void anEmptyConnectionHasNoNextPage() {
        Connection<String> empty = Connection.empty();
        assertThat(empty.edges()).isEmpty();
        assertThat(empty.pageInfo()).isEqualTo(new Connection.PageInfo(false, null));
        assertThat(empty.totalCount()).isZero();
    }
}
