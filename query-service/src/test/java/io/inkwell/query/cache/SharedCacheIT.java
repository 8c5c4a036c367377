package io.inkwell.query.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceApplication;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.query.TestRedisCache;
import io.inkwell.testing.ElasticsearchTestInfrastructure;
import io.inkwell.testing.InkwellTestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two query-service instances on one database and one Redis: the test's own context (A) and a second one (B),
 * each running the projections for the segments it claims. Whichever instance projects an event, a reader of
 * the other never sees an older version than one the read model has shown.
 */
@QueryServiceContext
class SharedCacheIT {

    private static ConfigurableApplicationContext instanceB;
    private static String baseB;
    private static final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    History history;

    @Autowired
    MockMvc mvc;

    // Once A, the test's context, is up (it prepares the event store): before each test, not before the class.
    @BeforeEach
    void aSecondInstance() {
        if (instanceB != null) {
            return;
        }
        instanceB = new SpringApplicationBuilder(QueryServiceApplication.class)
                .initializers(new InkwellTestInfrastructure(), new ElasticsearchTestInfrastructure(), new TestRedisCache())
                .properties("server.port=0", "inkwell.projections.rebuild.adopt-every=1h")
                .run();
        baseB = "http://127.0.0.1:" + ((WebServerApplicationContext) instanceB).getWebServer().getPort();
    }

    @AfterAll
    static void stopIt() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void anEditReachesReadersOfBothInstancesWithoutAskingForIt() throws Exception {
        String id = publishedPost();
        await().until(() -> versionAtA("/api/v1/posts/" + id) == 2 && versionAtB("/api/v1/posts/" + id) == 2);
        for (int edit = 1; edit <= 5; edit++) {
            long version = history.edit(id, "Edition " + edit, "x");
            // Far sooner than the entries' time to live: the instance that projected it stored it for both.
            await().atMost(Duration.ofSeconds(5)).until(() -> versionAtA("/api/v1/posts/" + id) == version
                    && versionAtB("/api/v1/posts/" + id) == version);
        }
    }

    /**
     * A client writes, reads its version with {@code minVersion} at one instance, then reads without at the
     * other (a load balancer in between): it never gets an older version. Meanwhile a reader of instance B in a
     * tight loop never sees a version go back.
     */
    @Test
    void aVersionOneInstanceHasShownIsTheLeastTheOtherShows() throws Exception {
        String id = publishedPost();
        String path = "/api/v1/posts/" + id;
        await().until(() -> versionAtB(path) == 2);
        List<String> wentBack = new CopyOnWriteArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        Thread reader = Thread.ofPlatform().start(() -> {
            long last = 0;
            while (reading.get()) {
                try {
                    long version = versionAtB(path);
                    if (version < last) {
                        wentBack.add("B showed version " + version + " after " + last);
                    }
                    last = version;
                    reads.incrementAndGet();
                } catch (Exception | AssertionError e) {
                    wentBack.add(e.toString());
                }
            }
        });
        for (int edit = 1; edit <= 15; edit++) {
            long version = history.edit(id, "Edition " + edit, "x");
            if (edit % 2 == 0) {
                assertThat(versionAtA(path + "?minVersion=" + version)).isGreaterThanOrEqualTo(version);
                assertThat(versionAtB(path)).isGreaterThanOrEqualTo(version);
            } else {
                assertThat(versionAtB(path + "?minVersion=" + version)).isGreaterThanOrEqualTo(version);
                assertThat(versionAtA(path)).isGreaterThanOrEqualTo(version);
            }
        }
        reading.set(false);
        reader.join();
        assertThat(wentBack).isEmpty();
        assertThat(reads.get()).isGreaterThan(15);
    }

    private String publishedPost() {
        String subject = UUID.randomUUID().toString();
        String author = history.registerUser("Two Instances", subject + "@inkwell.test", "https://issuer.test", subject);
        return history.publishedPost(author, "Edition 0", "x", List.of());
    }

    private long versionAtA(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        if (response.getStatus() == 404) {
            return 0;
        }
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.getContentAsString()).get("version").asLong();
    }

    private static long versionAtB(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseB + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0;
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body()).get("version").asLong();
    }
}
