package io.inkwell.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testing.InkwellTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = InkwellTestInfrastructure.class)
class QueryServiceIT {

    @Autowired
    MockMvcTester mvc;

    @Test
    void reportsHealthyWithoutAToken() {
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyJson()
                .extractingPath("$.status").isEqualTo("UP");
    }

    @Test
    void refusesTheApiWithoutAToken() {
        assertThat(mvc.get().uri("/api/v1/posts")).hasStatus(401);
    }
}
