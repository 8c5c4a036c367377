package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The supervisor on real child processes ({@code sleep}), killed with real signals. */
class SupervisorIT {

    private final List<String> stopped = new CopyOnWriteArrayList<>();
    private final List<String> said = new CopyOnWriteArrayList<>();
    private final Map<String, Long> recordedPids = new ConcurrentHashMap<>();
    private final Supervisor supervisor = new Supervisor(
            () -> new Backoff(Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofMinutes(1)),
            said::add, (tier, name, process) -> recordedPids.put(name, process.pid()));

    @AfterEach
    void stopEverything() {
        supervisor.stopAll();
    }

    @Test
    void restartsAChildKilledWithSigkillAndLeavesTheOthersRunning() throws Exception {
        Sleeper command = new Sleeper("command-service");
        Sleeper postgres = new Sleeper("postgres");
        supervisor.start(0, postgres);
        supervisor.start(2, command);
        long killed = command.pid();
        long untouched = postgres.pid();

        new ProcessBuilder("kill", "-KILL", Long.toString(killed)).start().waitFor();

        await().atMost(Duration.ofSeconds(20)).until(() -> command.pid() != killed && command.isAlive());
        assertThat(recordedPids).containsEntry("command-service", command.pid());
        assertThat(postgres.pid()).isEqualTo(untouched);
        assertThat(postgres.isAlive()).isTrue();
        assertThat(said).anyMatch(line -> line.startsWith("command-service died"));
    }

    @Test
    void keepsTryingAChildThatFailsToComeBack() throws Exception {
        Sleeper flaky = new Sleeper("query-service", 2);
        supervisor.start(2, flaky);
        long first = flaky.pid();

        flaky.kill();

        await().atMost(Duration.ofSeconds(20)).until(() -> flaky.pid() != first && flaky.isAlive());
        assertThat(flaky.starts.get()).isEqualTo(4);
        assertThat(said).filteredOn(line -> line.startsWith("query-service did not come back")).hasSize(2);
    }

    @Test
    void stopsServicesFirstThenSearchAndLoginAndPostgresLast() {
        supervisor.start(0, new Sleeper("postgres"));
        supervisor.start(1, new Sleeper("keycloak"));
        supervisor.start(1, new Sleeper("elasticsearch"));
        supervisor.start(2, new Sleeper("command-service"));
        supervisor.start(2, new Sleeper("query-service"));

        supervisor.stopAll();

        assertThat(stopped).hasSize(5);
        assertThat(stopped.subList(0, 2)).containsExactlyInAnyOrder("command-service", "query-service");
        assertThat(stopped.subList(2, 4)).containsExactlyInAnyOrder("keycloak", "elasticsearch");
        assertThat(stopped.get(4)).isEqualTo("postgres");
    }

    @Test
    void aStoppedChildIsNotRestarted() {
        Sleeper command = new Sleeper("command-service");
        supervisor.start(2, command);

        supervisor.stopAll();

        assertThat(command.isAlive()).isFalse();
        assertThat(said).noneMatch(line -> line.contains("restarting"));
    }

    /** A child that is a real {@code sleep} process; the first {@code failingRestarts} restarts fail. */
    private final class Sleeper implements Supervisor.Child {

        final String name;
        final int failingRestarts;
        final AtomicInteger starts = new AtomicInteger();
        volatile Process process;

        Sleeper(String name) {
            this(name, 0);
        }

        Sleeper(String name, int failingRestarts) {
            this.name = name;
            this.failingRestarts = failingRestarts;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ProcessHandle start() {
            int start = starts.incrementAndGet();
            if (start > 1 && start <= 1 + failingRestarts) {
                throw new IllegalStateException("port still in use");
            }
            try {
                process = new ProcessBuilder("sleep", "600").start();
                return process.toHandle();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            Process p = process;
            if (p != null && p.isAlive()) {
                p.destroy();
                p.onExit().join();
                stopped.add(name);
            }
        }

        void kill() {
            process.destroyForcibly();
        }

        long pid() {
            return process.pid();
        }

        boolean isAlive() {
            return process.isAlive();
        }
    }
}
