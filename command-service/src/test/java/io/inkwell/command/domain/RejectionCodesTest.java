package io.inkwell.command.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.support.web.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Aggregates name their rejections by code, without HTTP; the web layer looks the status up in the
 * catalogue. Every code written in the sources must be there, or a refusal would become a 500.
 */
class RejectionCodesTest {

    private static final Pattern LITERAL = Pattern.compile("new Rejection\\(\\s*\"([^\"]*)\"");
    private static final Pattern CONSTANT = Pattern.compile("new Rejection\\(\\s*Problem\\.([A-Z_]+)\\.code\\(\\)");

    @Test
    void everyRejectionCodeIsInTheCatalogue() throws IOException {
        List<String> literals = new ArrayList<>();
        int constants = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                Matcher literal = LITERAL.matcher(text);
                while (literal.find()) {
                    literals.add(literal.group(1));
                }
                Matcher constant = CONSTANT.matcher(text);
                while (constant.find()) {
                    assertThat(Problem.valueOf(constant.group(1))).isNotNull();
                    constants++;
                }
            }
        }
        assertThat(literals).as("codes written in the aggregates").contains("post-deleted", "not-profile-owner");
        assertThat(constants).as("codes taken from the catalogue").isPositive();
        assertThat(literals).allSatisfy(code -> assertThat(Problem.ofCode(code)).as(code).isPresent());
    }
}
