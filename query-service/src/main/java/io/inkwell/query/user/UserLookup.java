package io.inkwell.query.user;

import io.inkwell.query.cache.CachedReadModel;
import io.inkwell.query.cache.ReadModelCache;
import io.inkwell.query.projection.ReadModelUpdates;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Profiles by id as the read model has them, through the cache, the email included: whether a reader sees the
 * email is the caller's to decide ({@code Viewer#maySeeEmailOf}), after the lookup. {@link UserProjection}
 * keeps the cached profiles up to date.
 */
@Component
public class UserLookup {

    static final String PROFILES = "profiles";

    private final UserViews users;
    private final ReadModelCache cache;
    private final ReadModelUpdates updates;

    UserLookup(UserViews users, ReadModelCache cache, ReadModelUpdates updates) {
        this.users = users;
        this.cache = cache;
        this.updates = updates;
    }

    @Bean
    static CachedReadModel userCaches() {
        return new CachedReadModel(UserProjection.NAME, List.of(new CachedReadModel.Entry(PROFILES, UserState.class)));
    }

    /** The profile as the read model has it (a deleted one too, inactive and without personal data). */
    public Optional<UserState> byId(String id) {
        return cache.read(PROFILES, id, () -> load(id));
    }

    /** The profile at version {@code minVersion} or later, waiting up to {@code maxWait}; never an older cached one. */
    public Optional<UserState> byId(String id, long minVersion, Duration maxWait) {
        Optional<UserState> cached = byId(id).filter(user -> user.version() >= minVersion);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<UserState> fresh = updates.await(() -> load(id).filter(user -> user.version() >= minVersion), maxWait);
        fresh.ifPresent(user -> cache.store(PROFILES, id, user));
        return fresh;
    }

    /** The profiles of {@code ids} that the read model has, by id: cached ones from the cache, the rest in one query. */
    public Map<String, UserState> byIds(Collection<String> ids) {
        return cache.readAll(PROFILES, ids, UserState.class, missing -> users.findAllById(missing).stream()
                .map(UserLookup::state).collect(Collectors.toMap(UserState::id, Function.identity())));
    }

    private Optional<UserState> load(String id) {
        return users.findById(id).map(UserLookup::state);
    }

    private static UserState state(UserView user) {
        return new UserState(user.getId(), user.getName(), user.getEmail(), user.getIssuer(), user.getSubject(),
                user.isActive(), user.getVersion(), user.getRegisteredAt(), user.getUpdatedAt());
    }
}
