package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The services' JVM settings are written down three times: here for {@code ./inkwell run} and the benchmarks,
 * in the Docker image, and in the README's table that says why each is set. They must say the same.
 */
class ServiceJvmOptionsTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    @Test
    void areTheOptionsTheReadmeDocumentsInItsMemoryTable() throws IOException {
        List<String> readme = Files.readAllLines(REPOSITORY.resolve("README.md"));
        int table = readme.indexOf("| option | why |");
        assertThat(table).as("the README's table of JVM options").isPositive();
        Pattern option = Pattern.compile("^\\| `([^`]+)` \\|");
        List<String> documented = readme.subList(table + 2, readme.size()).stream()
                .takeWhile(line -> line.startsWith("|"))
                .map(option::matcher)
                .filter(Matcher::find)
                .flatMap(row -> Arrays.stream(row.group(1).split(" ")))
                .toList();

        assertThat(ServiceJvmOptions.OPTIONS).containsExactlyElementsOf(documented);
    }

    @Test
    void areTheOptionsTheDockerImageStartsTheServicesWith() throws IOException {
        Matcher image = Pattern.compile("ENV JDK_JAVA_OPTIONS=\"([^\"]*)\"")
                .matcher(Files.readString(REPOSITORY.resolve("Dockerfile")));

        assertThat(image.find()).as("JDK_JAVA_OPTIONS in the Dockerfile").isTrue();
        assertThat(ServiceJvmOptions.OPTIONS).containsExactly(image.group(1).split(" "));
    }
}
