package io.inkwell.query.projection;

import io.inkwell.query.projection.RebuildableReadModel.Generation;
import io.inkwell.query.web.NotFoundException;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts, cancels and adopts rebuilds. This instance runs a rebuild while it holds a PostgreSQL advisory lock on
 * the read model's name (session-level, on a connection kept for the rebuild), so that of several instances only
 * one runs it; the one that accepted the request runs it, and one that starts later adopts a rebuild whose
 * instance has gone, resuming from its tokens. The same check rolls out an outdated definition
 * ({@code inkwell.projections.rebuild-outdated}).
 */
@Component
class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    enum Cancelled { HERE, REQUESTED, NONE }

    private record Running(RebuildRun run, Connection lock) {
    }

    private final ObjectProvider<RebuildableReadModel> models;
    private final ReadModelGenerations generations;
    private final RebuildParts parts;
    private final DataSource dataSource;
    private final boolean rebuildOutdated;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService adopter = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("rebuild-adopter").daemon().factory());

    Rebuilds(ObjectProvider<RebuildableReadModel> models, ReadModelGenerations generations, RebuildParts parts,
             DataSource dataSource, @Value("${inkwell.projections.rebuild-outdated:true}") boolean rebuildOutdated) {
        this.models = models;
        this.generations = generations;
        this.parts = parts;
        this.dataSource = dataSource;
        this.rebuildOutdated = rebuildOutdated;
    }

    List<RebuildableReadModel> models() {
        return models.orderedStream().toList();
    }

    Optional<RebuildableReadModel> model(String name) {
        return models.orderedStream().filter(model -> model.name().equals(name)).findFirst();
    }

    Optional<RebuildRun> running(String name) {
        return Optional.ofNullable(running.get(name)).map(Running::run);
    }

    /** Starts a rebuild here; throws when it runs already (here or elsewhere). */
    synchronized RebuildRun start(String name) {
        RebuildableReadModel model = model(name).orElseThrow(() -> new NotFoundException("No rebuildable projection " + name));
        // The lock first: an instance adopting rebuilds must not take this one between its claim and its start.
        Connection lock = lock(name).orElseThrow(() -> new ReadModelGenerations.RebuildInProgressException(name));
        try {
            Generation live = generations.of(name, model.definitionVersion()).live();
            Generation next = generations.claimRebuild(name, model.definitionVersion(), false).orElseThrow();
            return launch(model, next, live, false, lock);
        } catch (RuntimeException e) {
            unlock(lock);
            throw e;
        }
    }

    /** Cancels the rebuild: here if it runs here, else by a request that the instance running it sees. */
    Cancelled cancel(String name, Duration wait) throws InterruptedException {
        model(name).orElseThrow(() -> new NotFoundException("No rebuildable projection " + name));
        if (!generations.requestCancel(name)) {
            return Cancelled.NONE;
        }
        Running here = running.get(name);
        return here != null && here.run().cancel(wait) ? Cancelled.HERE : Cancelled.REQUESTED;
    }

    @EventListener(ApplicationReadyEvent.class)
    void adoptFromNowOn() {
        adopter.scheduleWithFixedDelay(this::adoptAndRollOut, 0, parts.settings().adoptEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Resumes rebuilds that nobody runs, and rebuilds read models whose live definition is older than the code's. */
    synchronized void adoptAndRollOut() {
        for (RebuildableReadModel model : models()) {
            String name = model.name();
            try {
                ReadModelGenerations.Record record = generations.of(name, model.definitionVersion());
                if (running.containsKey(name)) {
                    continue;
                }
                boolean outdated = liveDefinition(model, record) < model.definitionVersion();
                if (record.rebuilding().isEmpty() && !(rebuildOutdated && outdated)) {
                    continue;
                }
                Optional<Connection> lock = lock(name);
                if (lock.isEmpty()) {
                    continue;
                }
                try {
                    Optional<ReadModelGenerations.Record> locked = generations.find(name);
                    if (locked.isPresent() && locked.get().rebuilding().isPresent()) {
                        launch(model, locked.get().rebuilding().get(), locked.get().live(), true, lock.get());
                    } else {
                        log.info("{} was built by definition {}, this code has {}: rebuilding it", name,
                                liveDefinition(model, record), model.definitionVersion());
                        Generation next = generations.claimRebuild(name, model.definitionVersion(), true).orElseThrow();
                        launch(model, next, record.live(), false, lock.get());
                    }
                } catch (RuntimeException e) {
                    unlock(lock.get());
                    throw e;
                }
            } catch (ReadModelGenerations.RebuildInProgressException raced) {
                log.debug("Another instance started the rebuild of {}", name);
            } catch (RuntimeException e) {
                log.warn("Could not check whether {} needs a rebuild", name, e);
            }
        }
    }

    private static int liveDefinition(RebuildableReadModel model, ReadModelGenerations.Record record) {
        return model instanceof LiveDefinition reported ? reported.liveDefinitionVersion() : record.live().definitionVersion();
    }

    private synchronized RebuildRun launch(RebuildableReadModel model, Generation next, Generation live, boolean resumed,
                                           Connection lock) {
        RebuildRun run = new RebuildRun(model, next, live, resumed, parts);
        running.put(model.name(), new Running(run, lock));
        Thread.ofPlatform().name("rebuild-" + model.name()).start(() -> {
            try {
                run.run();
            } finally {
                running.remove(model.name());
                unlock(lock);
            }
        });
        return run;
    }

    private Optional<Connection> lock(String name) {
        try {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(true);
                try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
                    statement.setString(1, "inkwell.rebuild." + name);
                    try (ResultSet result = statement.executeQuery()) {
                        if (result.next() && result.getBoolean(1)) {
                            return Optional.of(connection);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the rebuild lock of " + name, e);
        }
    }

    private static void unlock(Connection connection) {
        try (connection) {
            connection.createStatement().execute("SELECT pg_advisory_unlock_all()");
        } catch (SQLException e) {
            log.warn("Could not release a rebuild lock; it goes with its connection", e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        adopter.shutdownNow();
        for (Running each : running.values()) {
            each.run().stop(Duration.ofMinutes(1));
        }
    }
}
