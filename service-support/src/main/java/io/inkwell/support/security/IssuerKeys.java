package io.inkwell.support.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trusted issuer's signing keys, fetched from its JWK set by Nimbus's own building blocks: cached, fetched
 * again at most once per {@code minRefetchPeriod} (a token naming an unknown key cannot make us hammer the
 * issuer), and kept through an outage of the issuer so that tokens issued before it keep working. Sits under
 * all of those, so it sees every real fetch, and remembers how the last ones went for health and for telling
 * "unknown key" from "issuer unreachable".
 */
final class IssuerKeys implements JWKSetSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(IssuerKeys.class);

    enum State { NOT_FETCHED_YET, FETCHED, CACHED_DURING_OUTAGE, UNAVAILABLE }

    private final String jwkSetUri;
    private final SecurityProperties.Keys settings;
    private final Clock clock;
    private final URLBasedJWKSetSource<SecurityContext> remote;
    private final JWKSource<SecurityContext> source;

    private volatile Instant lastFetched;
    private volatile int keyCount;
    private volatile Instant failingSince;
    private volatile String lastError;

    IssuerKeys(String jwkSetUri, SecurityProperties.Keys settings, Clock clock) {
        this.jwkSetUri = jwkSetUri;
        this.settings = settings;
        this.clock = clock;
        int timeout = Math.toIntExact(settings.timeout().toMillis());
        try {
            this.remote = new URLBasedJWKSetSource<>(URI.create(jwkSetUri).toURL(),
                    new DefaultResourceRetriever(timeout, timeout, 1024 * 1024));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a URL: " + jwkSetUri, e);
        }
        this.source = JWKSourceBuilder.create(this)
                .cache(settings.cacheFor().toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                .rateLimited(settings.minRefetchPeriod().toMillis())
                .outageTolerant(settings.outageTolerance().toMillis())
                .refreshAheadCache(false)
                .retrying(false)
                .build();
    }

    /** The keys as token validation asks for them. */
    JWKSource<SecurityContext> source() {
        return source;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        try {
            JWKSet keys = remote.getJWKSet(refreshEvaluator, currentTime, context);
            if (failingSince != null) {
                log.info("Signing keys of {} can be fetched again", jwkSetUri);
            }
            keyCount = keys.getKeys().size();
            lastFetched = clock.instant();
            failingSince = null;
            lastError = null;
            return keys;
        } catch (KeySourceException e) {
            // Logged once per outage, not once per request that runs into it.
            if (failingSince == null) {
                failingSince = clock.instant();
                log.warn("Signing keys of {} cannot be fetched ({}); {}", jwkSetUri, e.getMessage(),
                        hasUsableKeys() ? "tokens are checked with the keys fetched before" : "no token of this issuer can be checked");
            }
            lastError = e.getMessage();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        remote.close();
    }

    State state() {
        if (lastFetched == null) {
            return failingSince == null ? State.NOT_FETCHED_YET : State.UNAVAILABLE;
        }
        if (failingSince == null) {
            return State.FETCHED;
        }
        return hasUsableKeys() ? State.CACHED_DURING_OUTAGE : State.UNAVAILABLE;
    }

    /** Whether keys fetched earlier are still trusted, even if the issuer cannot be reached now. */
    boolean hasUsableKeys() {
        Instant fetched = lastFetched;
        return fetched != null && fetched.plus(settings.outageTolerance()).isAfter(clock.instant());
    }

    /** When a client refused because the keys cannot be fetched should try again: after the next fetch may run. */
    Duration retryAfter() {
        return settings.minRefetchPeriod();
    }

    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("jwkSetUri", jwkSetUri);
        details.put("keys", state().name().toLowerCase().replace('_', '-'));
        details.put("keyCount", keyCount);
        if (lastFetched != null) {
            details.put("lastFetched", lastFetched.toString());
        }
        if (failingSince != null) {
            details.put("unreachableSince", failingSince.toString());
            details.put("lastError", String.valueOf(lastError));
        }
        return details;
    }
}
