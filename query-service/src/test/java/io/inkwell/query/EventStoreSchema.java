package io.inkwell.query;

import io.inkwell.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The event store schema that command-service's migrations create in production; query-service only
 * reads it, so its tests create it themselves, before the context starts.
 */
class EventStoreSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestDatabase.get();
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/eventstore").schemas("public").defaultSchema("public").load().migrate();
    }
}
