package io.inkwell.query.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CacheSettingsTest {

    @Test
    void sharesTheCachesInRedisOnlyWhenARedisUriIsGiven() {
        assertThat(settings("redis://redis:6379").shared()).isTrue();
        assertThat(settings(null).shared()).isFalse();
        // An unset variable in a compose file arrives as an empty or blank value: one instance, in process.
        assertThat(settings("").shared()).isFalse();
        assertThat(settings("  ").shared()).isFalse();
    }

    private static CacheSettings settings(String redisUri) {
        return new CacheSettings(true, redisUri, Duration.ofMinutes(10), 100);
    }
}
