package io.inkwell.query.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The epochs of one instance; those in Redis ({@link Epochs.Shared}) are proved by SharedCacheIT. */
class EpochsTest {

    private final Epochs epochs = new Epochs.Local();

    @Test
    void anEpochStartsAtZeroAndMovesOnByOnePerCache() {
        epochs.advance("tag-counts");
        epochs.advance("tag-counts");

        assertThat(epochs.current("tag-counts")).isEqualTo(2);
        assertThat(epochs.current("posts")).isZero();
        epochs.advance("posts");
        assertThat(epochs.current("posts")).isEqualTo(1);
    }
}
