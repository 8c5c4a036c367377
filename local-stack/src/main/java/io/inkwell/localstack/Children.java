package io.inkwell.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** The parts of the local stack as children that the {@link Supervisor} keeps running. */
final class Children {

    private Children() {
    }

    /** The run command's PostgreSQL: always durable, whatever tests do with theirs. */
    static PostgresServer startPostgres(Path dataDirectory, int port) {
        PostgresServer server = PostgresServer.start(dataDirectory, port, PostgresServer.Durability.DURABLE);
        try {
            server.ensureDatabase("inkwell", "inkwell", "inkwell");
        } catch (RuntimeException e) {
            server.close(); // half started: the next attempt starts afresh
            throw e;
        }
        return server;
    }

    static final class Postgres implements Supervisor.Child {

        private final Path dataDirectory;
        private final int port;
        private volatile PostgresServer server;

        Postgres(Path dataDirectory, int port) {
            this.dataDirectory = dataDirectory;
            this.port = port;
        }

        @Override
        public String name() {
            return "PostgreSQL";
        }

        @Override
        public ProcessHandle start() {
            if (server != null) {
                server.close(); // a dead one: frees the data folder's lock for the next
            }
            // zonky locks "epg-lock" in the data folder and never releases it when its start fails, which
            // would make every later restart in this JVM fail. A fresh file is a fresh lock; the launcher's
            // own claim on the data folder already keeps other launchers out.
            try {
                Files.deleteIfExists(dataDirectory.resolve("epg-lock"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = startPostgres(dataDirectory, port);
            return server.process();
        }

        @Override
        public void stop() {
            if (server != null) {
                server.close();
            }
        }

        @Override
        public String log() {
            return dataDirectory.resolve("log").toString();
        }

        String jdbcUrl() {
            return server.jdbcUrl("inkwell");
        }
    }

    /** A child whose server object is created on each start and stopped by closing it. */
    static final class Server<T extends AutoCloseable> implements Supervisor.Child {

        private final String name;
        private final Supplier<T> starter;
        private final Function<T, ProcessHandle> process;
        private final String log;
        private volatile T server;
        private volatile List<ProcessHandle> startedWithIt = List.of();

        Server(String name, Supplier<T> starter, Function<T, ProcessHandle> process, String log) {
            this.name = name;
            this.starter = starter;
            this.process = process;
            this.log = log;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ProcessHandle start() {
            stop();
            server = starter.get();
            ProcessHandle started = process.apply(server);
            startedWithIt = started.descendants().toList();
            return started;
        }

        @Override
        public void stop() {
            T s = server;
            if (s != null) {
                try {
                    s.close();
                } catch (Exception e) {
                    throw new IllegalStateException("could not stop " + name, e);
                }
            }
            // What a dead one left behind, such as the server JVM under Elasticsearch's launcher when only
            // the launcher was killed: it would hold the ports that the next start needs.
            startedWithIt.stream().filter(ProcessHandle::isAlive).forEach(leftover -> {
                leftover.destroy();
                Processes.awaitExit(leftover, Duration.ofSeconds(30));
            });
        }

        @Override
        public String log() {
            return log;
        }

        T server() {
            return server;
        }
    }

    static final class Service implements Supervisor.Child {

        private final String name;
        private final Path jar;
        private final int port;
        private final Map<String, String> environment;
        private final Path logs;
        private volatile ServiceProcess current;

        Service(String name, Path jar, int port, Map<String, String> environment, Path logs) {
            this.name = name;
            this.jar = jar;
            this.port = port;
            this.environment = environment;
            this.logs = logs;
        }

        @Override
        public String name() {
            return name;
        }

        /** The first start waits for full health, so that "Inkwell is running" is true when it is said. */
        @Override
        public ProcessHandle start() {
            boolean first = current == null;
            ServiceProcess started = ServiceProcess.start(name, jar, port, environment, logs);
            current = started;
            try {
                if (first) {
                    started.awaitHealthy(Duration.ofMinutes(3));
                } else {
                    started.awaitLive(Duration.ofMinutes(3));
                }
            } catch (IllegalStateException e) {
                started.close();
                throw e;
            }
            return started.process().toHandle();
        }

        @Override
        public void stop() {
            ServiceProcess s = current;
            if (s != null) {
                s.close();
            }
        }

        @Override
        public String log() {
            return logs.resolve(name + ".log").toString();
        }
    }
}
