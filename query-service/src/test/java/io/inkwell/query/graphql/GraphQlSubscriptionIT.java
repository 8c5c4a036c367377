package io.inkwell.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.query.History;
import io.inkwell.query.QueryServiceContext;
import io.inkwell.query.user.UserViews;
import io.inkwell.testing.TestIssuer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;

/** postPublished over WebSocket (graphql-transport-ws), anonymous, end to end from the event to the listener. */
@QueryServiceContext
class GraphQlSubscriptionIT {

    @Autowired
    History history;

    @Autowired
    UserViews users;

    @LocalServerPort
    int port;

    @Test
    void tellsAnonymousListenersOfEachPublishedPostOnceItCanBeRead() {
        String subject = UUID.randomUUID().toString();
        String author = history.registerUser("Live Writer", subject + "@inkwell.test", TestIssuer.get().issuer(), subject);
        await().until(() -> users.existsById(author));
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(URI.create("ws://127.0.0.1:" + port + "/graphql"),
                new StandardWebSocketClient()).build();
        List<Map<String, Object>> heard = new CopyOnWriteArrayList<>();
        Disposable listening = client.document("subscription { postPublished { id title status version author { name } } }")
                .retrieveSubscription("postPublished").toEntity(Map.class)
                .subscribe(post -> heard.add(post));
        try {
            // The server has the subscription once it passes a publication on: publish until one arrives.
            await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20)).until(() -> {
                history.publishedPost(author, "Warm-up", "x", List.of());
                return !heard.isEmpty();
            });
            String draft = history.createPost(author, "Draft that stays", "x", List.of());
            String first = history.publishedPost(author, "Hot off the press", "x", List.of("live"));
            await().untilAsserted(() -> assertThat(heard).extracting(p -> p.get("id")).contains(first));
            Map<String, Object> post = heard.stream().filter(p -> first.equals(p.get("id"))).findFirst().orElseThrow();
            assertThat(post).containsEntry("title", "Hot off the press").containsEntry("status", "PUBLISHED")
                    .containsEntry("version", 2).containsEntry("author", Map.of("name", "Live Writer"));
            assertThat(heard).noneMatch(p -> draft.equals(p.get("id")));
        } finally {
            listening.dispose();
            client.stop().block(Duration.ofSeconds(5));
        }
    }
}
