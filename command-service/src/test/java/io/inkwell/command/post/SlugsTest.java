package io.inkwell.command.post;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void turnsATitleIntoLowerCaseWordsJoinedByHyphens() {
        assertThat(Slugs.fromTitle("Hello, Wörld! CQRS & Event Sourcing")).isEqualTo("hello-world-cqrs-event-sourcing");
    }

    @Test
    void fallsBackWhenNothingOfTheTitleIsLeft() {
        assertThat(Slugs.fromTitle("!!! ???")).isEqualTo("post");
    }

    @Test
    void staysWithinTheMaximumLengthWithoutATrailingHyphen() {
        // The 100th character is a hyphen here: cut there and drop it, keeping 20 whole words.
        assertThat(Slugs.fromTitle("word ".repeat(60))).isEqualTo("word-".repeat(19) + "word");
    }

    @Test
    void cutsALongTitleAtExactlyTheMaximumLength() {
        assertThat(Slugs.fromTitle("a".repeat(150))).isEqualTo("a".repeat(Slugs.MAX_LENGTH));
        assertThat(Slugs.fromTitle("a".repeat(Slugs.MAX_LENGTH) + "!")).isEqualTo("a".repeat(Slugs.MAX_LENGTH));
        assertThat(Slugs.fromTitle("b".repeat(99) + " cdef")).isEqualTo("b".repeat(99));
    }

    @Test
    void dropsHyphensAtBothEndsAndFoldsRunsOfThemIntoOne() {
        assertThat(Slugs.fromTitle("  --Hello--   World!!  ")).isEqualTo("hello-world");
    }
}
