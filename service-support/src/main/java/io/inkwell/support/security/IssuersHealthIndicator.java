package io.inkwell.support.security;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The signing keys of each trusted issuer: fetched, cached through an outage of the issuer (still UP: tokens
 * keep working), or unavailable (DOWN: no token of that issuer can be checked). Not part of readiness: public
 * reads and tokens of other issuers still work while one issuer is away.
 */
class IssuersHealthIndicator implements HealthIndicator {

    private final TrustedIssuers issuers;

    IssuersHealthIndicator(TrustedIssuers issuers) {
        this.issuers = issuers;
    }

    @Override
    public Health health() {
        boolean unavailable = issuers.keys().values().stream()
                .anyMatch(keys -> keys.state() == IssuerKeys.State.UNAVAILABLE);
        Health.Builder health = unavailable ? Health.down() : Health.up();
        issuers.keys().forEach((name, keys) -> health.withDetail(name, keys.details()));
        return health.build();
    }
}
