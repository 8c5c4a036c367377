package io.inkwell.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's table of problem codes and the catalogue say the same, both ways, statuses included. */
class ProblemCatalogueTest {

    private static final Pattern CODE = Pattern.compile("`([a-z0-9-]+)`");

    @Test
    void readmeListsEveryCodeOfTheCatalogueWithItsStatus() throws IOException {
        Map<String, Set<Integer>> documented = readmeTable();
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Problem.values()).map(Problem::code).toList());
        for (Problem problem : Problem.values()) {
            assertThat(documented.get(problem.code())).as(problem.code()).contains(problem.status().value());
        }
    }

    @Test
    void codesAreUniqueAndEveryTypeEndsInItsCode() {
        assertThat(Arrays.stream(Problem.values()).map(Problem::code).distinct()).hasSize(Problem.values().length);
        for (Problem problem : Problem.values()) {
            assertThat(Problem.ofCode(problem.code())).contains(problem);
            assertThat(problem.type().toString()).isEqualTo("https://inkwell.example/problems/" + problem.code());
            assertThat(problem.detail("d").getStatus()).isEqualTo(problem.status().value());
            assertThat(problem.detail("d").getTitle()).isEqualTo(problem.title());
        }
    }

    @Test
    void everyStatusFallsBackToAProblemOfTheSameKind() {
        for (int status = 400; status < 600; status++) {
            Problem problem = Problem.forStatus(status);
            boolean clientError = status < 500 || status == 501 || status == 505;
            assertThat(problem.status().is4xxClientError()).as("%d -> %s", status, problem).isEqualTo(clientError);
        }
        assertThat(Problem.forStatus(404)).isEqualTo(Problem.NOT_FOUND);
        assertThat(Problem.forStatus(418)).isEqualTo(Problem.MALFORMED_REQUEST);
        assertThat(Problem.forStatus(502)).isEqualTo(Problem.INTERNAL_ERROR);
        assertThat(Problem.forStatus(503)).isEqualTo(Problem.SERVICE_UNAVAILABLE);
    }

    /** Code -> the statuses of its row, from the table after "Errors are RFC 9457 ..." in "The query API". */
    private static Map<String, Set<Integer>> readmeTable() throws IOException {
        List<String> lines = Files.readAllLines(readme());
        int start = lines.indexOf(lines.stream().filter(line -> line.startsWith("Errors are [RFC 9457]")).findFirst()
                .orElseThrow(() -> new AssertionError("README has no 'Errors are [RFC 9457]' paragraph")));
        Map<String, Set<Integer>> codes = new HashMap<>();
        boolean inTable = false;
        for (String line : lines.subList(start, lines.size())) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            String[] cells = line.split("\\|");
            if (cells.length < 3 || !cells[1].strip().matches("[0-9 /]+")) {
                continue;
            }
            Set<Integer> statuses = Arrays.stream(cells[1].split("/")).map(String::strip).map(Integer::valueOf)
                    .collect(Collectors.toSet());
            Matcher code = CODE.matcher(cells[2]);
            while (code.find()) {
                assertThat(codes.put(code.group(1), statuses)).as("listed twice: " + code.group(1)).isNull();
            }
        }
        return codes;
    }

    private static Path readme() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("README.md above the working directory").isNotNull();
        return dir.resolve("README.md");
    }
}
