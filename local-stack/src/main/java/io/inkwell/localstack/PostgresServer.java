package io.inkwell.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from the binaries that zonky ships in Maven jars. With a data directory it
 * keeps its data across restarts; without one it lives in a temporary folder that is removed on close.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDirectory where the cluster lives, or {@code null} for a throw-away one
     * @param port          the port to listen on, or 0 for any free port
     */
    public static PostgresServer start(Path dataDirectory, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", dataDirectory == null ? "off" : "on");
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        try {
            return new PostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the login role and its database unless they exist; safe to call on every start. */
    public void ensureDatabase(String database, String user, String password) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                // Identifiers cannot be bound as parameters; these come from our own configuration.
                s.execute("CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                s.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, name);
            return p.executeQuery().next();
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
