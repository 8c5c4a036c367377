package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What ./inkwell run listens on, where it keeps its data, and what it tells the services. */
class LocalStackTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final Path ROOT = Path.of("/home/dev/inkwell");

    @Test
    void keepsItsDataInDotInkwellAndListensOnTheReadmesPortsByDefault() {
        LocalStack.Settings settings = LocalStack.Settings.from(ROOT, name -> null);

        assertThat(settings).isEqualTo(new LocalStack.Settings(ROOT.resolve(".inkwell"), 55432, 8180, 9200, 8081, 8082));
    }

    @Test
    void takesTheDataFolderAndEveryPortFromTheEnvironmentAndTakesABlankValueForUnset() {
        Map<String, String> environment = Map.of(
                "INKWELL_DATA_DIR", "/var/tmp/inkwell-2",
                "INKWELL_POSTGRES_PORT", "55433",
                "INKWELL_KEYCLOAK_PORT", "8181",
                "INKWELL_ELASTICSEARCH_PORT", " ",
                "INKWELL_COMMAND_PORT", "9081",
                "INKWELL_QUERY_PORT", "9082");

        LocalStack.Settings settings = LocalStack.Settings.from(ROOT, environment::get);

        assertThat(settings).isEqualTo(new LocalStack.Settings(Path.of("/var/tmp/inkwell-2"), 55433, 8181, 9200, 9081, 9082));
    }

    @Test
    void tellsTheServicesWhereTheStacksServersAreUnderTheNamesTheyRead() throws IOException {
        Map<String, String> environment = LocalStack.serviceEnvironment("http://127.0.0.1:9200",
                "jdbc:postgresql://localhost:55432/inkwell", "http://localhost:8180/realms/inkwell",
                "http://localhost:8180/realms/inkwell/protocol/openid-connect/certs");

        assertThat(environment)
                .containsEntry("INKWELL_ELASTICSEARCH_URI", "http://127.0.0.1:9200")
                .containsEntry("INKWELL_DB_URL", "jdbc:postgresql://localhost:55432/inkwell")
                .containsEntry("INKWELL_ISSUER_URI", "http://localhost:8180/realms/inkwell")
                .containsEntry("INKWELL_JWK_SET_URI", "http://localhost:8180/realms/inkwell/protocol/openid-connect/certs")
                .containsEntry("SPRING_PROFILES_ACTIVE", "local");
        // A variable no service reads would leave it on its built-in default, silently.
        String configuration = Files.readString(REPOSITORY.resolve("command-service/src/main/resources/application.yml"))
                + Files.readString(REPOSITORY.resolve("query-service/src/main/resources/application.yml"));
        assertThat(environment.keySet()).filteredOn(name -> name.startsWith("INKWELL_"))
                .allSatisfy(name -> assertThat(configuration).contains("${" + name + ":"));
    }
}
