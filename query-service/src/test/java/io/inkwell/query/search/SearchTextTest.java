package io.inkwell.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void takesQuotedPhrasesAsTheyAreAndTheRestAsLooseWords() {
        SearchText text = SearchText.parse("event \"read model\" sourcing \" clean  code \"");

        assertThat(text.phrases()).containsExactly("read model", "clean  code");
        assertThat(text.words()).isEqualTo("event sourcing");
        assertThat(text.isEmpty()).isFalse();
    }

    @Test
    void foldsRunsOfSpaceIntoOneAndTrimsTheWords() {
        assertThat(SearchText.parse("  cqrs \t\n  axon  ").words()).isEqualTo("cqrs axon");
    }

    @Test
    void readsAnUnmatchedQuoteAsASlipNotAsAPhrase() {
        SearchText text = SearchText.parse("\"event sourcing");

        assertThat(text.phrases()).isEmpty();
        assertThat(text.words()).isEqualTo("event sourcing");
    }

    @Test
    void dropsEmptyPhrasesAndKeepsWordsAroundThemApart() {
        SearchText text = SearchText.parse("java\"\"axon \"   \" spring");

        assertThat(text.phrases()).isEmpty();
        assertThat(text.words()).isEqualTo("java axon spring");
    }

    @Test
    void isEmptyWithoutTextOrWithOnlyQuotesAndSpace() {
        assertThat(SearchText.parse(null).isEmpty()).isTrue();
        assertThat(SearchText.parse(null).phrases()).isEmpty();
        assertThat(SearchText.parse("   ").isEmpty()).isTrue();
        assertThat(SearchText.parse("\"  \" \"").isEmpty()).isTrue();
        assertThat(SearchText.parse("\"only a phrase\"").isEmpty()).isFalse();
        assertThat(SearchText.parse("\"only a phrase\"").words()).isEmpty();
    }

    @Test
    void thePhrasesCannotBeChangedAfterwards() {
        List<String> phrases = SearchText.parse("\"a b\"").phrases();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> phrases.add("c"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
