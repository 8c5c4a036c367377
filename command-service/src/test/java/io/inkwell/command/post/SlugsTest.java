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
        String slug = Slugs.fromTitle("word ".repeat(60));
        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
    }
}
