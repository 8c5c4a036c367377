package io.inkwell.testing.http;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every refusal promises over the wire: its status, a problem detail of the right type, a detail. */
public final class ProblemAnswers {

    private static final String TYPE = "https://inkwell.example/problems/";

    private ProblemAnswers() {
    }

    /** Asserts that the answer is the problem {@code code} with {@code status}, and returns its body. */
    public static JsonNode assertProblem(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        JsonNode problem = JsonMapper.shared().readTree(answer.body());
        assertThat(problem.get("type").asString()).isEqualTo(TYPE + code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotEmpty();
        return problem;
    }
}
