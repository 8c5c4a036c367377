package io.inkwell.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

class PageResponseTest {

    @Test
    void countsPagesFromOneAndRoundsTheLastPageUp() {
        PageResponse<String> page = PageResponse.of(new PageImpl<>(List.of(1, 2), PageRequest.of(1, 2), 5), n -> "#" + n);

        assertThat(page.data()).containsExactly("#1", "#2");
        assertThat(page.meta()).isEqualTo(new PageResponse.Meta(2, 2, 5, 3));
    }

    @Test
    void countsTotalPagesOfAListItPagedItself() {
        assertThat(PageResponse.of(List.of("a"), 3, 10, 21).meta()).isEqualTo(new PageResponse.Meta(3, 10, 21, 3));
        assertThat(PageResponse.of(List.of(), 1, 10, 20).meta().totalPages()).isEqualTo(2);
        assertThat(PageResponse.of(List.of(), 1, 10, 0).meta().totalPages()).isZero();
    }
}
