package io.inkwell.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * A real Keycloak, run from its distribution on Maven Central in a child process, with the Inkwell realm
 * imported from {@code keycloak/inkwell-realm.json}. The issuer always names {@code localhost}, whatever
 * address a client uses, so that tokens fetched one way are accepted by services configured the other.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "inkwell";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final int port;
    private final Path log;

    private KeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * @param home       folder to unpack the distribution into (reused when already there)
     * @param port       HTTP port
     * @param persistent keep users and sessions in a file database inside {@code home}; otherwise in memory
     */
    public static KeycloakServer start(Path home, int port, boolean persistent) {
        Path zip = Path.of(Distributions.property("keycloak.distribution"));
        Distributions.unpack(zip, home);
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/inkwell-realm.json")) {
                Files.copy(realm, imports.resolve("inkwell-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            Path log = LogFiles.prepare(home.resolve("keycloak.log"), "Keycloak starts");
            List<String> command = Processes.detached(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://localhost:" + port,
                    "--import-realm", "--db=" + (persistent ? "dev-file" : "dev-mem"),
                    // Keycloak's default refuses a sign-in while another one of the same user is in progress
                    // ("user_temporarily_disabled"): two devices signing in at once lock each other out.
                    // Brute-force protection should count wrong passwords only, which it still does.
                    "--spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            builder.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            // Keycloak's thread pool resets thread locals, which JDK 24+ allows only when asked.
            builder.environment().putIfAbsent("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
            KeycloakServer server = new KeycloakServer(builder.start(), port, log);
            // Whatever ends this JVM, even while Keycloak is still starting, ends Keycloak too.
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keycloak-stop"));
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start", e);
        }
    }

    /** The Keycloak version this build runs, to name folders that hold one version's files. */
    public static String version() {
        return Distributions.property("keycloak.version");
    }

    public int port() {
        return port;
    }

    public String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** Where services fetch the signing keys: by address, so that no name lookup is involved. */
    public String jwkSetUri() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM + "/protocol/openid-connect/certs";
    }

    public String tokenEndpoint() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM + "/protocol/openid-connect/token";
    }

    /** The Keycloak process, whose end means that it died. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    public Path log() {
        return log;
    }

    private void awaitReady() {
        try {
            Processes.awaitOk(process, URI.create("http://127.0.0.1:" + port + "/realms/" + REALM
                    + "/.well-known/openid-configuration"), START_TIMEOUT, "Keycloak", log);
        } catch (IllegalStateException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(20));
    }
}
