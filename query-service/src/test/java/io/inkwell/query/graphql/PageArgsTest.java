package io.inkwell.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.query.web.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageArgsTest {

    @Test
    void continuesAfterTheLastNodeOfTheGivenPageWhateverItsSize() {
        Connection<String> page = Connection.of(List.of("a", "b", "c"), 7, 20);
        assertThat(page.pageInfo().hasNextPage()).isTrue();
        PageArgs next = PageArgs.of(4, page.pageInfo().endCursor());
        assertThat(next.offset()).isEqualTo(10);
        assertThat(next.pageable(org.springframework.data.domain.Sort.unsorted()).getOffset()).isEqualTo(10);
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
    }

    @Test
    void refusesCursorsItDidNotMake() {
        for (String forged : List.of("", "%%%", "b2Zmc2V0Oi0x", "b2Zmc2V0OmFiYw", "eyJpZCI6MX0")) {
            assertThatThrownBy(() -> PageArgs.of(5, forged)).as(forged).isInstanceOf(InvalidParameterException.class)
                    .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("after");
        }
    }
}
